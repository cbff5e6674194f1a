// SHA-256 against the FIPS 180-4 examples and a multi-block message.
#include <catch2/catch.hpp>

#include "network/sha256.hpp"

using dlmath::sha256_hex;

TEST_CASE("SHA-256 of the standard test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding needs a second block.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // A million 'a's: many blocks.
  CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("one changed byte changes the digest") {
  CHECK(sha256_hex("x1,x2,c\n1,2,A\n") != sha256_hex("x1,x2,c\n1,2,B\n"));
}
