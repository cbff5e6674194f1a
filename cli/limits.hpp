// What one command may ask of the machine, in one place. Each limit is checked before the work
// starts, and its error names the limit (docs/limits.md lists them all).
#pragma once

#include <cstdint>

namespace dlmath::cli::limits {

// Training: a hard ceiling on --steps, and the work (node evaluations) a run may take when
// --steps was not given explicitly (the default of 10^6 steps on a large network or data set).
inline constexpr std::uint64_t max_steps = 10'000'000'000ull;
inline constexpr double work_without_explicit_steps = 2e10;

// inspect: central differences cost two passes over the data per parameter.
inline constexpr double max_inspect_work = 2e9;

// Derivatives: the order, and the nodes one derivative graph may have (estimated before it is
// built from the growth of the previous orders).
inline constexpr std::uint64_t max_order = 20;
inline constexpr double max_derivative_nodes = 4e6;
// Hessian: n inputs cost n derivative graphs.
inline constexpr double max_hessian_work = 2e7;  // n times the nodes of one derivative

// A program's recorded graph, and the bytes its values may take at a run-time precision.
inline constexpr double max_value_bytes = 512.0 * (1ull << 20);
inline constexpr std::uint64_t max_mpfr_bits = 100'000;

// Files read: a regular file (or standard input) of at most this many bytes.
inline constexpr std::uint64_t max_file_bytes = 64ull << 20;

// Drawings: Graphviz lays out this many nodes (or network edges) in a few seconds; more are
// refused even with --full.
inline constexpr std::uint64_t max_drawn_nodes = 2500;
inline constexpr std::uint64_t max_drawn_edges = 3000;

}  // namespace dlmath::cli::limits
