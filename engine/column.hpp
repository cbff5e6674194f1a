// One of the tape's arrays (values, gradients, op codes, links, arguments). Like std::vector,
// but the capacity of a node array is managed by its owner: the tape grows all of its node
// arrays together, so recording a node checks for room once instead of once per array, and
// appending is a plain store.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace dlmath {

// A column starts on a page (4 KiB), so that a small graph's values and gradients lie at the
// start of their pages, where the sweeps' stack never is (Tape::on_placed_stack): a load from one
// and a store to the other with the same last 12 address bits would make the load wait.
inline constexpr std::size_t page_alignment = 4096;

template <class X>
class Column {
  static constexpr std::size_t alignment = std::max(alignof(X), page_alignment);

 public:
  Column() = default;
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;
  ~Column() {
    std::destroy_n(data_, size_);
    ::operator delete(data_, std::align_val_t(alignment));
  }

  X* data() { return data_; }
  const X* data() const { return data_; }
  std::size_t size() const { return size_; }
  X& operator[](std::size_t i) { return data_[i]; }
  const X& operator[](std::size_t i) const { return data_[i]; }
  X* begin() { return data_; }
  X* end() { return data_ + size_; }

  // Room for n entries; existing entries move to the new storage.
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    X* fresh = static_cast<X*>(::operator new(n * sizeof(X), std::align_val_t(alignment)));
    std::uninitialized_move_n(data_, size_, fresh);
    std::destroy_n(data_, size_);
    ::operator delete(data_, std::align_val_t(alignment));
    data_ = fresh;
    capacity_ = n;
  }
  // Appends x; the owner has made room (size() < capacity).
  template <class... Args>
  void append(Args&&... args) {
    ::new (static_cast<void*>(data_ + size_)) X(std::forward<Args>(args)...);
    ++size_;
  }
  // For a column whose length is not the tape's node count (the argument list, the kept
  // numbers), growing as a vector does. extend: appends n entries for the caller to write
  // (nothing is written twice); append_grown: appends X(args...).
  [[gnu::always_inline]] X* extend(std::size_t n) {
    static_assert(std::is_trivially_default_constructible_v<X>);
    if (size_ + n > capacity_) [[unlikely]]
      grow(size_ + n);
    X* out = data_ + size_;
    size_ += n;
    return out;
  }
  template <class... Args>
  [[gnu::always_inline]] void append_grown(Args&&... args) {
    if (size_ == capacity_) [[unlikely]]
      grow(size_ + 1);
    append(std::forward<Args>(args)...);
  }
  // Keeps the first n entries (n <= size()).
  void shrink(std::size_t n) {
    std::destroy(data_ + n, data_ + size_);
    size_ = n;
  }
  void clear() { shrink(0); }

 private:
  [[gnu::noinline]] void grow(std::size_t n) {
    reserve(std::max({2 * capacity_, n, std::size_t(64)}));
  }

  X* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

}  // namespace dlmath
