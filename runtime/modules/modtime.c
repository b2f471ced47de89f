/*
 * modules/modtime.c — the time module: clocks, sleep, and the calendar
 * functions of the C library (gmtime, localtime, mktime, strftime,
 * asctime, ctime) with CPython's struct_time.
 *
 * Clocks are clock_gettime: time() is CLOCK_REALTIME, monotonic() and
 * perf_counter() CLOCK_MONOTONIC, process_time() and thread_time() the
 * CPU-time clocks; the _ns variants return ints. Seconds are computed from
 * nanoseconds as CPython does (exact when whole, else ns / 1e9).
 * Argument conversions follow CPython's: timestamps round toward -inf for
 * gmtime/localtime/ctime and away from zero for sleep, with its words for
 * NaN and overflow.
 *
 * struct_time is a struct sequence (modutil.h): a 9-tuple with tm_zone
 * and tm_gmtoff as hidden fields. timezone/altzone/daylight/tzname are
 * computed once at import from January and July of the current year, as
 * CPython does.
 *
 * sleep() parks the calling green thread on a timer (actors/actors.h,
 * proc_sleep), so other tasks on its worker keep running.
 * Not handled: strptime, tzset(),
 * get_clock_info, clock_gettime()/clock_settime() are not provided.
 */
#include "actors/actors.h"
#include "core/alloc.h"
#include "modules/modutil.h"
#include "objects/text.h"
#include "sched/sched.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

/* ---- clocks ---------------------------------------------------------------------------- */

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double ns_to_seconds(int64_t t) {
    if (t % 1000000000 == 0) return (double)(t / 1000000000);
    return (double)t / 1e9;
}

#define FUNC(fn) \
    static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

#define CLOCK(pyname, id)                                                             \
    FUNC(t_##pyname) {                                                                \
        (void)callable, (void)args;                                                   \
        if (mu_no_args("time." #pyname, nargs, kwnames) < 0) return AI_ERR;          \
        return ai_float_box(ns_to_seconds(clock_ns(id)));                             \
    }                                                                                 \
    FUNC(t_##pyname##_ns) {                                                           \
        (void)callable, (void)args;                                                   \
        if (mu_no_args("time." #pyname "_ns", nargs, kwnames) < 0) return AI_ERR;     \
        return ai_int_from_i64(clock_ns(id));                                         \
    }                                                                                 \
    static AI_BUILTIN_FN(bf_##pyname, #pyname, t_##pyname);                           \
    static AI_BUILTIN_FN(bf_##pyname##_ns, #pyname "_ns", t_##pyname##_ns);

CLOCK(time, CLOCK_REALTIME)
CLOCK(monotonic, CLOCK_MONOTONIC)
CLOCK(perf_counter, CLOCK_MONOTONIC)
CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* ---- sleep -------------------------------------------------------------------------------- */

/* secs as nanoseconds, rounded away from zero (CPython's timeout rounding). */
static bool timeout_ns(ai_value v, int64_t *out) {
    if (float_check(v)) {
        double d = float_get(v);
        if (isnan(d)) {
            ai_raise_msg(&ai_exc_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            ai_raise_msg(&ai_exc_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *out = (int64_t)d;
        return true;
    }
    bool fits, err;
    int64_t s = obj_index_i64(v, &fits, &err);
    if (err) return false;
    if (!fits || s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000) {
        ai_raise_msg(&ai_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return false;
    }
    *out = s * 1000000000;
    return true;
}

/* The main task, while Ctrl-C is watched, parks in slices of at most
 * SLEEP_SLICE_NS and looks for the KeyboardInterrupt between them (a
 * parked task is not woken by the signal); without a scheduler it waits
 * in rt_sleep, which the signal wakes. */
#define SLEEP_SLICE_NS ((int64_t)20 * 1000000)

static int32_t sleep_ns(int64_t ns) {
    if (!rt_interrupt_watched()) return proc_sleep(ns);
    if (!sched_current()) return rt_sleep(ns);
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + ns;
    for (;;) {
        if (rt_check_interrupt() < 0) return -1;
        int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
        if (left <= 0) return ns <= 0 ? proc_sleep(0) : 0;
        if (proc_sleep(left < SLEEP_SLICE_NS ? left : SLEEP_SLICE_NS) < 0) return -1;
    }
}

ai_value mod_time_sleep_hook;

FUNC(t_sleep) {
    (void)callable;
    if (mu_one_arg("time.sleep", nargs, kwnames) < 0) return AI_ERR;
    int64_t ns;
    if (!timeout_ns(args[0], &ns)) return AI_ERR;
    if (ns < 0) return ai_raise_msg(&ai_exc_ValueError, "sleep length must be non-negative");
    /* threading's green threads (stdlib/threading.py) sleep by letting
     * the others run: its hook takes the nanoseconds and answers
     * NotImplemented to have the process sleep. Main process only: the
     * hook is an object of the main heap. */
    if (mod_time_sleep_hook && alloc_current_heap() == &alloc_main_heap) {
        ai_value a = ai_int_from_i64(ns);
        if (!a) return AI_ERR;
        ai_value r = ai_call(mod_time_sleep_hook, &a, 1, 0);
        if (r != ai_val(&ai_notimplemented_object)) return r;
    }
    /* Parks the green thread (the worker runs other tasks); an aithon
     * process that an exit signal ends wakes early (actors/actors.h), and
     * the main task's sleep ends early with KeyboardInterrupt on Ctrl-C
     * (core/module.c). */
    return sleep_ns(ns) < 0 ? AI_ERR : AI_NONE;
}
static AI_BUILTIN_FN(bf_sleep, "sleep", t_sleep);

/* ---- struct_time ------------------------------------------------------------------------------ */

static mu_structseq struct_time_type;
static const char *const st_fields[] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour",
                                        "tm_min",  "tm_sec",  "tm_wday",  "tm_yday",
                                        "tm_isdst", "tm_zone", "tm_gmtoff"};

static ai_value struct_time_of(const struct tm *t) {
    ai_value items[11] = {
        ai_smallint((int64_t)t->tm_year + 1900), ai_smallint(t->tm_mon + 1),
        ai_smallint(t->tm_mday),                 ai_smallint(t->tm_hour),
        ai_smallint(t->tm_min),                  ai_smallint(t->tm_sec),
        ai_smallint((t->tm_wday + 6) % 7),       ai_smallint(t->tm_yday + 1),
        ai_smallint(t->tm_isdst),                t->tm_zone ? str_from_cstr(t->tm_zone) : AI_NONE,
        ai_int_from_i64(t->tm_gmtoff),
    };
    if (!items[9] || !items[10]) return AI_ERR;
    return mu_structseq_new(&struct_time_type, items);
}

/* A timestamp (None: now) as time_t, rounded toward -inf. */
static bool timestamp_arg(ai_value v, time_t *out) {
    if (!v || v == AI_NONE) {
        *out = time(NULL);
        return true;
    }
    if (float_check(v)) {
        double d = float_get(v);
        if (isnan(d)) {
            ai_raise_msg(&ai_exc_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double ip;
        modf(floor(d), &ip);
        if (!(ip >= -9223372036854775808.0 && ip < 9223372036854775808.0)) goto overflow;
        *out = (time_t)ip;
        return true;
    }
    bool fits, err;
    int64_t s = obj_index_i64(v, &fits, &err);
    if (err) return false;
    if (!fits) goto overflow;
    *out = (time_t)s;
    return true;
overflow:
    ai_raise_msg(&ai_exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
}

static ai_value errno_error(int e) {
    return ai_raise_fmt(&ai_exc_OSError, "[Errno %d] %s", e, strerror(e));
}

/* gmtime/localtime/ctime: "gmtime() takes at most 1 argument (2 given)" */
static bool one_optional(const char *fname, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs(fname, kwnames) < 0) return false;
    if (nargs > 1) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes at most 1 argument (%lld given)", fname,
                     (long long)nargs);
        return false;
    }
    return true;
}

static bool broken_down(ai_value secs, bool local, struct tm *out) {
    time_t t;
    if (!timestamp_arg(secs, &t)) return false;
    errno = 0;
    if (!(local ? localtime_r(&t, out) : gmtime_r(&t, out))) {
        errno_error(errno ? errno : EINVAL);
        return false;
    }
    return true;
}

FUNC(t_gmtime) {
    (void)callable;
    if (!one_optional("gmtime", nargs, kwnames)) return AI_ERR;
    struct tm t;
    if (!broken_down(nargs ? args[0] : 0, false, &t)) return AI_ERR;
    return struct_time_of(&t);
}
static AI_BUILTIN_FN(bf_gmtime, "gmtime", t_gmtime);

FUNC(t_localtime) {
    (void)callable;
    if (!one_optional("localtime", nargs, kwnames)) return AI_ERR;
    struct tm t;
    if (!broken_down(nargs ? args[0] : 0, true, &t)) return AI_ERR;
    return struct_time_of(&t);
}
static AI_BUILTIN_FN(bf_localtime, "localtime", t_localtime);

/* A C int from a tuple item (CPython's "i" format). */
static bool c_int_item(ai_value v, int *out) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return false;
    if (n > INT_MAX || (!fits && n > 0)) {
        ai_raise_msg(&ai_exc_OverflowError, "signed integer is greater than maximum");
        return false;
    }
    if (n < INT_MIN) {
        ai_raise_msg(&ai_exc_OverflowError, "signed integer is less than minimum");
        return false;
    }
    *out = (int)n;
    return true;
}

/* A time tuple or struct_time into *p (CPython's gettmarg). The zone
 * string, when present, is copied into zone_buf. */
static bool tuple_to_tm(ai_value v, const char *fname, struct tm *p, char *zone_buf, size_t zsize) {
    memset(p, 0, sizeof *p);
    if (!tuple_check(v)) {
        ai_raise_msg(&ai_exc_TypeError, "Tuple or struct_time argument required");
        return false;
    }
    ai_tuple *t = tuple_obj(v);
    if (t->len != 9) {
        ai_raise_fmt(&ai_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return false;
    }
    int f[9];
    for (int i = 0; i < 9; i++)
        if (!c_int_item(t->items[i], &f[i])) return false;
    if (f[0] < INT_MIN + 1900) {
        ai_raise_msg(&ai_exc_OverflowError, "year out of range");
        return false;
    }
    p->tm_year = f[0] - 1900;
    p->tm_mon = f[1] - 1;
    p->tm_mday = f[2];
    p->tm_hour = f[3];
    p->tm_min = f[4];
    p->tm_sec = f[5];
    p->tm_wday = (f[6] + 1) % 7;
    p->tm_yday = f[7] - 1;
    p->tm_isdst = f[8];
    if (mu_structseq_check(v, &struct_time_type)) {
        ai_value zone = t->items[9], off = t->items[10];
        if (zone != AI_NONE && str_check(zone)) {
            const char *z = str_utf8(zone, NULL);
            if (!z) return false;
            snprintf(zone_buf, zsize, "%s", z);
            p->tm_zone = zone_buf;
        }
        int64_t g;
        if (off != AI_NONE && int_check(off) && int_to_i64(off, &g)) p->tm_gmtoff = g;
    }
    return true;
}

/* CPython's checktm: normalise the zero/-1 conventions, reject the rest. */
static bool check_tm(struct tm *p) {
    const char *bad = NULL;
    if (p->tm_mon == -1)
        p->tm_mon = 0;
    else if (p->tm_mon < 0 || p->tm_mon > 11)
        bad = "month out of range";
    if (!bad) {
        if (p->tm_mday == 0)
            p->tm_mday = 1;
        else if (p->tm_mday < 0 || p->tm_mday > 31)
            bad = "day of month out of range";
    }
    if (!bad && (p->tm_hour < 0 || p->tm_hour > 23)) bad = "hour out of range";
    if (!bad && (p->tm_min < 0 || p->tm_min > 59)) bad = "minute out of range";
    if (!bad && (p->tm_sec < 0 || p->tm_sec > 61)) bad = "seconds out of range";
    if (!bad && p->tm_wday < 0) bad = "day of week out of range";
    if (!bad) {
        if (p->tm_yday == -1)
            p->tm_yday = 0;
        else if (p->tm_yday < 0 || p->tm_yday > 365)
            bad = "day of year out of range";
    }
    if (bad) ai_raise_msg(&ai_exc_ValueError, bad);
    return !bad;
}

FUNC(t_mktime) {
    (void)callable;
    if (mu_one_arg("time.mktime", nargs, kwnames) < 0) return AI_ERR;
    struct tm t;
    char zone[64];
    if (!tuple_to_tm(args[0], "mktime", &t, zone, sizeof zone)) return AI_ERR;
    t.tm_wday = -1; /* mktime leaves it alone on failure */
    time_t r = mktime(&t);
    if (r == (time_t)-1 && t.tm_wday == -1)
        return ai_raise_msg(&ai_exc_OverflowError, "mktime argument out of range");
    return ai_float_box((double)r);
}
static AI_BUILTIN_FN(bf_mktime, "mktime", t_mktime);

FUNC(t_strftime) {
    (void)callable;
    if (call_no_kwargs("strftime", kwnames) < 0) return AI_ERR;
    if (nargs < 1 || nargs > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "strftime() takes %s (%lld given)",
                            nargs < 1 ? "at least 1 argument" : "at most 2 arguments",
                            (long long)nargs);
    if (!str_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "strftime() argument 1 must be str, not %s",
                            obj_type_name(args[0]));
    struct tm t;
    char zone[64];
    if (nargs == 2) {
        if (!tuple_to_tm(args[1], "strftime", &t, zone, sizeof zone) || !check_tm(&t)) return AI_ERR;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &t);
    }
    if (t.tm_isdst < -1)
        t.tm_isdst = -1;
    else if (t.tm_isdst > 1)
        t.tm_isdst = 1;
    int64_t flen;
    const char *fmt = str_utf8(args[0], &flen);
    if (!fmt) return AI_ERR;
    if ((int64_t)strlen(fmt) != flen) return ai_raise_msg(&ai_exc_ValueError, "embedded null character");
    /* An empty result is ambiguous (error or empty text): grow the buffer
     * until it is clearly the latter, as CPython does. */
    for (size_t size = 1024;; size *= 2) {
        char *buf = malloc(size);
        if (!buf) return exc_nomem();
        /* the format is the user's: that is the point of strftime */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        size_t n = strftime(buf, size, fmt, &t);
#pragma GCC diagnostic pop
        if (n > 0 || size >= 256 * (size_t)(flen + 1)) {
            ai_value r = text_decode((const unsigned char *)buf, (int64_t)n, NULL, "surrogateescape");
            free(buf);
            return r;
        }
        free(buf);
    }
}
static AI_BUILTIN_FN(bf_strftime, "strftime", t_strftime);

static ai_value asctime_of(const struct tm *t) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s %s%3d %.2d:%.2d:%.2d %lld", wday[t->tm_wday], mon[t->tm_mon], t->tm_mday,
              t->tm_hour, t->tm_min, t->tm_sec, (long long)t->tm_year + 1900);
    return sb_finish(&b);
}

FUNC(t_asctime) {
    (void)callable;
    if (mu_pos_range("asctime", "asctime", nargs, kwnames, 0, 1) < 0) return AI_ERR;
    struct tm t;
    char zone[64];
    if (nargs) {
        if (!tuple_to_tm(args[0], "asctime", &t, zone, sizeof zone) || !check_tm(&t)) return AI_ERR;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &t);
    }
    return asctime_of(&t);
}
static AI_BUILTIN_FN(bf_asctime, "asctime", t_asctime);

FUNC(t_ctime) {
    (void)callable;
    if (mu_pos_range("ctime", "ctime", nargs, kwnames, 0, 1) < 0) return AI_ERR;
    struct tm t;
    if (!broken_down(nargs ? args[0] : 0, true, &t)) return AI_ERR;
    return asctime_of(&t);
}
static AI_BUILTIN_FN(bf_ctime, "ctime", t_ctime);

/* ---- the module ------------------------------------------------------------------------------ */

static ai_builtin_fn *const functions[] = {
    &bf_time,         &bf_time_ns,         &bf_monotonic,    &bf_monotonic_ns,
    &bf_perf_counter, &bf_perf_counter_ns, &bf_process_time, &bf_process_time_ns,
    &bf_thread_time,  &bf_thread_time_ns,  &bf_sleep,        &bf_gmtime,
    &bf_localtime,    &bf_mktime,          &bf_strftime,     &bf_asctime,
    &bf_ctime,
};

/* timezone, altzone, daylight, tzname from January and July of this year
 * (DST is reversed in the southern hemisphere). */
static int add_zone_info(ai_value m) {
    tzset();
    const time_t year = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / year) * year;
    struct tm jan, jul;
    localtime_r(&t, &jan);
    t += year / 2;
    localtime_r(&t, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
    bool south = janzone < julzone;
    ai_value names[2] = {str_from_cstr(south ? julname : janname),
                         str_from_cstr(south ? janname : julname)};
    if (!names[0] || !names[1]) return -1;
    if (mod_add(m, "timezone", ai_int_from_i64(south ? julzone : janzone)) < 0 ||
        mod_add(m, "altzone", ai_int_from_i64(south ? janzone : julzone)) < 0 ||
        mod_add(m, "daylight", ai_smallint(janzone != julzone)) < 0 ||
        mod_add(m, "tzname", ai_tuple_pack(names, 2)) < 0)
        return -1;
    return 0;
}

static int init(ai_value m) {
    mu_structseq_init(&struct_time_type, "time.struct_time", st_fields, 9, 11, true);
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (mod_add_fn(m, functions[i]) < 0) return -1;
    if (mod_add(m, "struct_time", ai_val(&struct_time_type.type)) < 0) return -1;
    return add_zone_info(m);
}

const mod_def mod_time = {"time", init};
