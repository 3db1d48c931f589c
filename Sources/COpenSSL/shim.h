#ifndef FENHONG_COPENSSL_SHIM_H
#define FENHONG_COPENSSL_SHIM_H

// The one-shot SHA256() is the fastest path through libcrypto (SHA-NI where the CPU has it);
// OpenSSL 3 marks it deprecated in favour of EVP, whose per-call context costs more than the
// hash of a 300-byte body. Silence that deprecation here, once.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/crypto.h>

#endif
