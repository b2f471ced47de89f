/*
 * asyncio/remote.c — isolated coroutines as actors (placeholder: every
 * task runs locally until the actor bridge lands).
 */
#include "asyncio/aio.h"

#include "sched/sched.h"

#include <math.h>

ai_value aio_remote_try_spawn(ai_value loop, ai_value coro, ai_value name) {
    (void)loop, (void)coro, (void)name;
    return 0;
}

int aio_remote_wait(ai_value loop, double timeout) {
    (void)loop;
    if (timeout < 0) {
        /* nothing can ever happen: CPython would block in select() for
         * ever; so do we, parked */
        for (;;) sched_sleep(INT64_C(3600) * 1000000000);
    }
    if (timeout > 0) sched_sleep((int64_t)ceil(timeout * 1e9));
    return 0;
}

int aio_remote_step_cb(ai_value task, ai_value unused) {
    (void)task, (void)unused;
    ai_raise_msg(&ai_exc_SystemError, "remote task without a remote");
    return -1;
}

void aio_remote_shutdown(ai_value loop) { (void)loop; }

bool aio_capture_write(int fd, const char *p, size_t n) {
    (void)fd, (void)p, (void)n;
    return false;
}
