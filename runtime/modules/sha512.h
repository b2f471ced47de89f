/*
 * modules/sha512.h — SHA-512 (FIPS 180-4), for random.seed(str) which
 * CPython 3.11 defines as int.from_bytes(s + sha512(s).digest()).
 *
 * The one-shot digest is plain C over a message held in memory; the block
 * function is shared with hashlib.
 */
#ifndef AITHON_SHA512_H
#define AITHON_SHA512_H

#include <stddef.h>
#include <stdint.h>

/* One 128-byte block into the state h (hashlib's streaming sha384 and
 * sha512 drive it, modules/modhashlib.c). */
void sha512_compress(uint64_t h[8], const uint8_t block[128]);

/* The 64-byte digest of data[0..len). */
void sha512_digest(const uint8_t *data, size_t len, uint8_t out[64]);

#endif
