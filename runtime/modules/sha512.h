/*
 * modules/sha512.h — SHA-512 (FIPS 180-4), for random.seed(str) which
 * CPython 3.11 defines as int.from_bytes(s + sha512(s).digest()).
 *
 * One-shot only: the seeds are small, so no streaming interface. The
 * implementation is plain C over a message held in memory.
 */
#ifndef AITHON_SHA512_H
#define AITHON_SHA512_H

#include <stddef.h>
#include <stdint.h>

/* The 64-byte digest of data[0..len). */
void sha512_digest(const uint8_t *data, size_t len, uint8_t out[64]);

#endif
