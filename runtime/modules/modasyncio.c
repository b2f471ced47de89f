/*
 * modules/modasyncio.c — the asyncio module's table: what `import
 * asyncio` binds. The machinery is in runtime/asyncio/ (aio.h).
 */
#include "asyncio/aio.h"
#include "modules/modules.h"

void aio_exc_types_init(void);
int aio_tasks_init(ai_value m);
int aio_sync_init(ai_value m);
int aio_queues_init(ai_value m);
int aio_group_init(ai_value m);

static int asyncio_init(ai_value m) {
    aio_exc_types_init();
    if (aio_tasks_init(m) < 0 || aio_sync_init(m) < 0 || aio_queues_init(m) < 0 || aio_group_init(m) < 0)
        return -1;
    static const struct {
        const char *name;
        ai_type *type;
    } types[] = {
        {"Future", &aio_future_type},
        {"Task", &aio_task_type},
        {"Handle", &aio_handle_type},
        {"TimerHandle", &aio_timerhandle_type},
        {"AbstractEventLoop", &aio_loop_type},
        {"CancelledError", &aio_CancelledError},
        {"InvalidStateError", &aio_InvalidStateError},
        {"TimeoutError", &ai_exc_TimeoutError},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (mod_add(m, types[i].name, ai_val(types[i].type)) < 0) return -1;
    return 0;
}

const mod_def mod_asyncio = {"asyncio", asyncio_init};
