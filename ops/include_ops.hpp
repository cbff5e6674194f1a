// Included by ops/registry.hpp: the file of every op of DLMATH_OPS (ops/list.hpp), in list order.
// One guarded #include per place in the list, up to 64 ops (a preprocessor cannot loop over
// #include, and Boost's file iteration cannot nest in the Boost headers that op files use).
#pragma once

#include <boost/preprocessor/seq/elem.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/preprocessor/tuple/elem.hpp>

#include "ops/list.hpp"

// Spaces around "/" would go into the path.
// clang-format off
#define DLMATH_OP_PATH(file) ops/file.hpp
// clang-format on
#define DLMATH_OP_FILE(k) \
  BOOST_PP_STRINGIZE(DLMATH_OP_PATH(BOOST_PP_TUPLE_ELEM(2, 1, BOOST_PP_SEQ_ELEM(k, DLMATH_OP_SEQ))))
#define DLMATH_OP_COUNT BOOST_PP_SEQ_SIZE(DLMATH_OP_SEQ)
#if DLMATH_OP_COUNT > 64
#error "ops/include_ops.hpp includes at most 64 ops: add places for more"
#endif

// clang-format off
#if 0 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(0)
#endif
#if 1 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(1)
#endif
#if 2 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(2)
#endif
#if 3 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(3)
#endif
#if 4 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(4)
#endif
#if 5 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(5)
#endif
#if 6 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(6)
#endif
#if 7 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(7)
#endif
#if 8 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(8)
#endif
#if 9 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(9)
#endif
#if 10 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(10)
#endif
#if 11 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(11)
#endif
#if 12 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(12)
#endif
#if 13 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(13)
#endif
#if 14 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(14)
#endif
#if 15 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(15)
#endif
#if 16 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(16)
#endif
#if 17 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(17)
#endif
#if 18 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(18)
#endif
#if 19 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(19)
#endif
#if 20 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(20)
#endif
#if 21 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(21)
#endif
#if 22 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(22)
#endif
#if 23 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(23)
#endif
#if 24 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(24)
#endif
#if 25 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(25)
#endif
#if 26 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(26)
#endif
#if 27 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(27)
#endif
#if 28 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(28)
#endif
#if 29 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(29)
#endif
#if 30 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(30)
#endif
#if 31 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(31)
#endif
#if 32 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(32)
#endif
#if 33 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(33)
#endif
#if 34 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(34)
#endif
#if 35 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(35)
#endif
#if 36 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(36)
#endif
#if 37 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(37)
#endif
#if 38 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(38)
#endif
#if 39 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(39)
#endif
#if 40 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(40)
#endif
#if 41 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(41)
#endif
#if 42 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(42)
#endif
#if 43 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(43)
#endif
#if 44 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(44)
#endif
#if 45 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(45)
#endif
#if 46 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(46)
#endif
#if 47 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(47)
#endif
#if 48 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(48)
#endif
#if 49 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(49)
#endif
#if 50 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(50)
#endif
#if 51 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(51)
#endif
#if 52 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(52)
#endif
#if 53 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(53)
#endif
#if 54 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(54)
#endif
#if 55 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(55)
#endif
#if 56 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(56)
#endif
#if 57 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(57)
#endif
#if 58 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(58)
#endif
#if 59 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(59)
#endif
#if 60 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(60)
#endif
#if 61 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(61)
#endif
#if 62 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(62)
#endif
#if 63 < DLMATH_OP_COUNT
#include DLMATH_OP_FILE(63)
#endif
// clang-format on

#undef DLMATH_OP_COUNT
#undef DLMATH_OP_FILE
#undef DLMATH_OP_PATH
