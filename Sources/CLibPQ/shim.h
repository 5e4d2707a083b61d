#ifndef WORKBENCH_CLIBPQ_SHIM_H
#define WORKBENCH_CLIBPQ_SHIM_H

/* libpq (the PostgreSQL client library) for the team store, plus poll() to wait for an answer with
   a deadline (a hung server gives an error, not a frozen REPL). */

#include <libpq-fe.h>
#include <poll.h>
#include <errno.h>

/* Waits until fd is readable (or writable when want_write) for at most timeout_ms. Returns >0 when
   ready, 0 on timeout, -1 on error (errno set; EINTR retried by the caller). */
static inline int wb_pq_wait(int fd, int want_write, int timeout_ms) {
    struct pollfd p;
    p.fd = fd;
    p.events = want_write ? (POLLIN | POLLOUT) : POLLIN;
    p.revents = 0;
    return poll(&p, 1, timeout_ms);
}

static inline int wb_pq_errno(void) { return errno; }

/* libpq writes server notices (and a FATAL message that ends the connection) straight to stderr;
   the workbench reports failures itself, through its own sanitising output. */
static void wb_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void wb_pq_silence(PGconn *connection) { PQsetNoticeProcessor(connection, wb_pq_ignore_notice, NULL); }

#endif
