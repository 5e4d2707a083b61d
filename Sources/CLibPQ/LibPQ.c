#include "CLibPQ.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The loaded functions; all set or all NULL. */
static struct {
#define WB_PQ_FIELD(type, name, params, args, failure) type(*name) params;
#define WB_PQ_VOID_FIELD(name, params, args) void(*name) params;
    WB_PQ_RETURNING(WB_PQ_FIELD)
    WB_PQ_VOID(WB_PQ_VOID_FIELD)
} wb_pq;

static pthread_mutex_t wb_pq_lock = PTHREAD_MUTEX_INITIALIZER;
static int wb_pq_loaded = 0;

static void *wb_pq_open(char *reason, size_t size) {
    const char *chosen = getenv("WORKBENCH_LIBPQ");
    if (chosen != NULL && chosen[0] != '\0') {
        void *handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) {
            const char *error = dlerror();
            snprintf(reason, size, "WORKBENCH_LIBPQ names a library that does not load: %s", error ? error : chosen);
        }
        return handle;
    }
    static const char *const names[] = {"libpq.so.5", "libpq.5.dylib", "libpq.so", "libpq.dylib"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) return handle;
    }
    snprintf(reason, size,
             "the PostgreSQL client library libpq (version 14 or newer) is not installed or not found; install it "
             "(the package is called libpq5 or libpq) or name its file in WORKBENCH_LIBPQ");
    return NULL;
}

int wb_pq_load(char *reason, size_t size) {
    pthread_mutex_lock(&wb_pq_lock);
    if (wb_pq_loaded) {
        pthread_mutex_unlock(&wb_pq_lock);
        return 1;
    }
    void *handle = wb_pq_open(reason, size);
    if (handle == NULL) {
        pthread_mutex_unlock(&wb_pq_lock);
        return 0;
    }
    const char *missing = NULL;
#define WB_PQ_LOOKUP(type, name, params, args, failure) \
    if (missing == NULL && (*(void **)&wb_pq.name = dlsym(handle, #name)) == NULL) missing = #name;
#define WB_PQ_VOID_LOOKUP(name, params, args) \
    if (missing == NULL && (*(void **)&wb_pq.name = dlsym(handle, #name)) == NULL) missing = #name;
    WB_PQ_RETURNING(WB_PQ_LOOKUP)
    WB_PQ_VOID(WB_PQ_VOID_LOOKUP)
    if (missing != NULL) {
        memset(&wb_pq, 0, sizeof wb_pq);
        dlclose(handle);
        snprintf(reason, size, "the PostgreSQL client library libpq found is too old (it has no %s; version 14 or newer is needed)",
                 missing);
        pthread_mutex_unlock(&wb_pq_lock);
        return 0;
    }
    __atomic_store_n(&wb_pq_loaded, 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&wb_pq_lock);
    return 1;
}

#define WB_PQ_FORWARD(type, name, params, args, failure) \
    type name params { return __atomic_load_n(&wb_pq_loaded, __ATOMIC_ACQUIRE) ? wb_pq.name args : failure; }
#define WB_PQ_VOID_FORWARD(name, params, args) \
    void name params { if (__atomic_load_n(&wb_pq_loaded, __ATOMIC_ACQUIRE)) wb_pq.name args; }
WB_PQ_RETURNING(WB_PQ_FORWARD)
WB_PQ_VOID(WB_PQ_VOID_FORWARD)

int wb_pq_wait(int fd, int want_write, int timeout_ms) {
    struct pollfd p;
    p.fd = fd;
    p.events = want_write ? (POLLIN | POLLOUT) : POLLIN;
    p.revents = 0;
    return poll(&p, 1, timeout_ms);
}

int wb_pq_errno(void) { return errno; }

static void wb_pq_ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

void wb_pq_silence(PGconn *connection) { PQsetNoticeProcessor(connection, wb_pq_ignore_notice, NULL); }
