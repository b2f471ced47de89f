/*
 * objcache.c — hashing and the cache directory (see objcache.h).
 *
 * The hash is two independent 64-bit lanes over 8-byte words, each a
 * multiply-rotate mix (the structure of xxHash/MurmurHash's loops) with a
 * final avalanche; not cryptographic, but 128 bits make an accidental
 * collision between cache keys practically impossible.
 */
#include "objcache.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const uint64_t P1 = 0x9E3779B185EBCA87ull, P2 = 0xC2B2AE3D27D4EB4Full, P3 = 0x165667B19E3779F9ull;

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static uint64_t avalanche(uint64_t h) {
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    h ^= h >> 32;
    return h;
}

Hash128 objcache_seed(void) { return (Hash128){{0x243F6A8885A308D3ull, 0x13198A2E03707344ull}}; }

Hash128 objcache_hash(Hash128 s, const void *data, size_t n) {
    const unsigned char *p = data;
    uint64_t a = s.h[0] ^ (n * P1), b = s.h[1] ^ rotl(n * P2, 17);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        a = rotl(a ^ (w * P2), 31) * P1;
        b = rotl(b + (w * P3), 27) * P2 + (a >> 7);
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < n; k++) tail |= (uint64_t)p[i + k] << (8 * k);
    a = rotl(a ^ (tail * P2), 31) * P1;
    b = rotl(b + (tail * P3), 27) * P2;
    return (Hash128){{avalanche(a ^ rotl(b, 13)), avalanche(b ^ rotl(a, 41))}};
}

Hash128 objcache_compiler_id(void) {
    static bool done;
    static Hash128 id;
    if (done) return id;
    done = true;
    id = objcache_seed();
    FILE *f = fopen("/proc/self/exe", "rb");
    if (!f) return id;
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) id = objcache_hash(id, buf, n);
    fclose(f);
    return id;
}

static bool make_dirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            *p = '/';
            return false;
        }
        *p = '/';
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* Remove the caches of other compiler builds unused for a week. */
static void prune(const char *base, const char *keep) {
    DIR *d = opendir(base);
    if (!d) return;
    time_t now = time(NULL);
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.' || strcmp(ent->d_name, keep) == 0 || strlen(ent->d_name) != 32) continue;
        char sub[PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s/%s", base, ent->d_name) >= (int)sizeof sub) continue;
        struct stat st;
        if (stat(sub, &st) != 0 || !S_ISDIR(st.st_mode) || now - st.st_mtime < 7 * 24 * 3600) continue;
        DIR *sd = opendir(sub);
        if (!sd) continue;
        struct dirent *e;
        while ((e = readdir(sd))) {
            if (e->d_name[0] == '.') continue;
            char file[PATH_MAX + 512];
            if (snprintf(file, sizeof file, "%s/%s", sub, e->d_name) >= (int)sizeof file) continue;
            unlink(file);
        }
        closedir(sd);
        rmdir(sub);
    }
    closedir(d);
}

const char *objcache_dir(void) {
    static bool done;
    static char dir[PATH_MAX];
    if (done) return dir[0] ? dir : NULL;
    done = true;
    char base[PATH_MAX - 40];
    const char *env = getenv("AITHON_CACHE_DIR");
    if (env && (strcmp(env, "off") == 0 || strcmp(env, "0") == 0)) return NULL;
    if (env && *env) snprintf(base, sizeof base, "%s", env);
    else if (getenv("XDG_CACHE_HOME") && *getenv("XDG_CACHE_HOME"))
        snprintf(base, sizeof base, "%s/aithon", getenv("XDG_CACHE_HOME"));
    else if (getenv("HOME") && *getenv("HOME"))
        snprintf(base, sizeof base, "%s/.cache/aithon", getenv("HOME"));
    else
        return NULL;
    Hash128 id = objcache_compiler_id();
    char name[33];
    snprintf(name, sizeof name, "%016llx%016llx", (unsigned long long)id.h[0], (unsigned long long)id.h[1]);
    snprintf(dir, sizeof dir, "%s/%s", base, name);
    if (!make_dirs(dir) || access(dir, W_OK) != 0) {
        dir[0] = '\0';
        return NULL;
    }
    /* Mark this build's cache as used (its mtime), then prune the others. */
    utimensat(AT_FDCWD, dir, NULL, 0);
    prune(base, name);
    return dir;
}
