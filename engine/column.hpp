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

// A column starts at a fixed place in a page (4 KiB), given by its owner: the tape gives each of
// its columns its own place, and its sweeps' stack one more (Tape::on_placed_stack), so that in a
// small graph no two of them share the last 12 bits of an address. Where they did, a load from
// one after a store to the other waited for the store (measured: see Tape::on_placed_stack).
inline constexpr std::size_t page_alignment = 4096;

template <class X>
class Column {
  static constexpr std::size_t alignment = std::max(alignof(X), page_alignment);

 public:
  explicit Column(std::size_t page_offset = 0) : offset_(page_offset % page_alignment) {}
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;
  ~Column() {
    std::destroy_n(data_, size_);
    release(data_);
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
    char* page =
        static_cast<char*>(::operator new(offset_ + n * sizeof(X), std::align_val_t(alignment)));
    X* fresh = reinterpret_cast<X*>(page + offset_);
    std::uninitialized_move_n(data_, size_, fresh);
    std::destroy_n(data_, size_);
    release(data_);
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

  void release(X* data) {
    if (data)
      ::operator delete(reinterpret_cast<char*>(data) - offset_, std::align_val_t(alignment));
  }

  std::size_t offset_;
  X* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

}  // namespace dlmath
