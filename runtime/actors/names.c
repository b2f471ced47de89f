/*
 * actors/names.c — registered names: a process-wide table from a name
 * (a str, kept as its UTF-8 bytes in malloc'd memory: no heap object is
 * shared between actors) to a live process.
 *
 * The table is protected by the registry lock (P1): a process's end
 * releases its names in the same critical section that marks it dead, so
 * whoever receives its EXIT or DOWN already finds the name free
 * (whereis → None, register succeeds). A process may hold several names.
 *
 * Open addressing with linear probing and tombstones; the table grows at
 * half full (counting tombstones) and is never shrunk.
 */
#include "actors/actint.h"

#include <stdlib.h>

typedef struct name_ent {
    char *key;      /* NULL: empty; TOMB: deleted */
    size_t len;
    uint64_t hash;
    proc_t *p;
} name_ent;

static char tomb_mark;
#define TOMB (&tomb_mark)

/* protected by act_lock */
static name_ent *tab;
static size_t tab_cap, tab_used; /* used: live + tombstones */

static uint64_t fnv1a(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The slot holding the name, or NULL. Under the lock. */
static name_ent *find(const char *s, size_t n, uint64_t h) {
    if (!tab) return NULL;
    for (size_t i = h & (tab_cap - 1);; i = (i + 1) & (tab_cap - 1)) {
        name_ent *e = &tab[i];
        if (!e->key) return NULL;
        if (e->key != TOMB && e->hash == h && e->len == n && memcmp(e->key, s, n) == 0) return e;
    }
}

static bool grow_table(void) {
    size_t cap = tab_cap ? tab_cap * 2 : 16;
    name_ent *n = calloc(cap, sizeof *n);
    if (!n) return false;
    for (size_t i = 0; i < tab_cap; i++) {
        name_ent *e = &tab[i];
        if (!e->key || e->key == TOMB) continue;
        size_t j = e->hash & (cap - 1);
        while (n[j].key) j = (j + 1) & (cap - 1);
        n[j] = *e;
    }
    free(tab);
    tab = n;
    tab_cap = cap;
    size_t live = 0;
    for (size_t i = 0; i < cap; i++) live += n[i].key != NULL;
    tab_used = live;
    return true;
}

static void remove_ent(name_ent *e) {
    e->p->nnames--;
    free(e->key);
    e->key = TOMB;
    e->p = NULL;
}

/* The UTF-8 text of a name argument: TypeError for a non-str. */
static const char *name_text(ai_value name, size_t *n) {
    if (!str_check(name)) {
        ai_raise_fmt(&ai_exc_TypeError, "a registered name must be a str, not '%s'", obj_type_name(name));
        return NULL;
    }
    int64_t len;
    const char *s = str_utf8(name, &len);
    if (!s) return NULL;
    *n = (size_t)len;
    return s;
}

/* ValueError "name 'x' is <what>" */
static ai_value name_error(ai_value name, const char *what) {
    ai_value r = ai_repr(name);
    if (!r) return AI_ERR;
    const char *s = str_utf8(r, NULL);
    return ai_raise_fmt(&ai_exc_ValueError, "name %s is %s", s ? s : "?", what);
}

int names_register(ai_value name, proc_t *p) {
    size_t n;
    const char *s = name_text(name, &n);
    if (!s) return -1;
    uint64_t h = fnv1a(s, n);
    char *key = malloc(n + 1);
    if (!key) return exc_nomem(), -1;
    memcpy(key, s, n + 1);
    act_lock();
    int rc = 0; /* 1: taken, 2: dead, 3: no memory */
    if (find(s, n, h))
        rc = 1;
    else if (!p->alive)
        rc = 2;
    else if ((tab_used + 1) * 2 > tab_cap && !grow_table())
        rc = 3;
    if (rc == 0) {
        size_t i = h & (tab_cap - 1);
        while (tab[i].key && tab[i].key != TOMB) i = (i + 1) & (tab_cap - 1);
        if (!tab[i].key) tab_used++;
        tab[i] = (name_ent){key, n, h, p};
        p->nnames++;
    }
    act_unlock();
    if (rc == 0) return 0;
    free(key);
    if (rc == 1) return name_error(name, "already registered"), -1;
    if (rc == 2) {
        ai_value pid = pid_new(p), args = pid ? ai_tuple_pack(&pid, 1) : AI_ERR;
        if (args) exc_raise_args(&act_NoProc, args);
        return -1;
    }
    return exc_nomem(), -1;
}

int names_unregister(ai_value name) {
    size_t n;
    const char *s = name_text(name, &n);
    if (!s) return -1;
    uint64_t h = fnv1a(s, n);
    act_lock();
    name_ent *e = find(s, n, h);
    if (e) remove_ent(e);
    act_unlock();
    if (!e) return name_error(name, "not registered"), -1;
    return 0;
}

proc_t *names_lookup(ai_value name) {
    size_t n;
    const char *s = name_text(name, &n);
    if (!s) return NULL;
    uint64_t h = fnv1a(s, n);
    act_lock();
    name_ent *e = find(s, n, h);
    proc_t *p = e ? e->p : NULL;
    if (p) proc_retain(p);
    act_unlock();
    return p;
}

void names_release_locked(proc_t *p) {
    for (size_t i = 0; i < tab_cap && p->nnames; i++)
        if (tab[i].key && tab[i].key != TOMB && tab[i].p == p) remove_ent(&tab[i]);
}
