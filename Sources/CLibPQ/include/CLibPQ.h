#ifndef WORKBENCH_CLIBPQ_H
#define WORKBENCH_CLIBPQ_H

/* The part of libpq (the PostgreSQL client library) the team store uses, declared here with the
   types and values of libpq's public interface (`libpq-fe.h`, stable since PostgreSQL 14), and
   loaded at run time by `wb_pq_load`, not linked: a workbench that never talks to a team server
   never maps libpq and the twenty libraries it brings (Kerberos, LDAP, TLS), which cost about
   5 ms at every start, and runs where libpq is not installed. Each `PQ…` function below forwards
   to libpq's; called before a successful `wb_pq_load` it fails the way libpq fails (NULL, 0, a
   bad status) instead of crashing. */

#include <stddef.h>

typedef unsigned int Oid;

typedef enum {
    CONNECTION_OK,
    CONNECTION_BAD,
    CONNECTION_STARTED,
    CONNECTION_MADE,
    CONNECTION_AWAITING_RESPONSE,
    CONNECTION_AUTH_OK,
    CONNECTION_SETENV,
    CONNECTION_SSL_STARTUP,
    CONNECTION_NEEDED,
    CONNECTION_CHECK_WRITABLE,
    CONNECTION_CONSUME,
    CONNECTION_GSS_STARTUP,
    CONNECTION_CHECK_TARGET,
    CONNECTION_CHECK_STANDBY
} ConnStatusType;

typedef enum {
    PGRES_POLLING_FAILED = 0,
    PGRES_POLLING_READING,
    PGRES_POLLING_WRITING,
    PGRES_POLLING_OK,
    PGRES_POLLING_ACTIVE
} PostgresPollingStatusType;

typedef enum {
    PGRES_EMPTY_QUERY = 0,
    PGRES_COMMAND_OK,
    PGRES_TUPLES_OK,
    PGRES_COPY_OUT,
    PGRES_COPY_IN,
    PGRES_BAD_RESPONSE,
    PGRES_NONFATAL_ERROR,
    PGRES_FATAL_ERROR,
    PGRES_COPY_BOTH,
    PGRES_SINGLE_TUPLE,
    PGRES_PIPELINE_SYNC,
    PGRES_PIPELINE_ABORTED
} ExecStatusType;

typedef enum {
    PQ_PIPELINE_OFF,
    PQ_PIPELINE_ON,
    PQ_PIPELINE_ABORTED
} PGpipelineStatus;

typedef enum {
    PQTRANS_IDLE,
    PQTRANS_ACTIVE,
    PQTRANS_INTRANS,
    PQTRANS_INERROR,
    PQTRANS_UNKNOWN
} PGTransactionStatusType;

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

typedef struct pgNotify {
    char *relname;
    int be_pid;
    char *extra;
    struct pgNotify *next;
} PGnotify;

typedef struct _PQconninfoOption {
    char *keyword;
    char *envvar;
    char *compiled;
    char *val;
    char *label;
    char *dispchar;
    int dispsize;
} PQconninfoOption;

typedef void (*PQnoticeProcessor)(void *arg, const char *message);

/* Loads libpq once (a path in WORKBENCH_LIBPQ first, then the system's libpq.so.5 / libpq.5.dylib).
   Returns 1 when every function below is there; otherwise 0 with the reason in `reason`. */
int wb_pq_load(char *reason, size_t size);

/* Every libpq function the team store calls, once: its result type, name, parameters, the
   arguments it passes on, and what it gives before libpq is loaded (libpq's own answer for a
   missing connection or result). These lists are the one place the functions are named: they make
   the declarations below and, in LibPQ.c, the table of loaded functions, their lookup and the
   forwarders, so a signature cannot differ between them. */
#define WB_PQ_RETURNING(X)                                                                               \
    X(int, PQbackendPID, (const PGconn *conn), (conn), 0)                                               \
    X(char *, PQcmdTuples, (PGresult *res), (res), NULL)                                                \
    X(PostgresPollingStatusType, PQconnectPoll, (PGconn *conn), (conn), PGRES_POLLING_FAILED)          \
    X(PGconn *, PQconnectStartParams, (const char *const *keywords, const char *const *values, int expand), \
      (keywords, values, expand), NULL)                                                                 \
    X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg), NULL) \
    X(int, PQconsumeInput, (PGconn *conn), (conn), 0)                                                   \
    X(int, PQenterPipelineMode, (PGconn *conn), (conn), 0)                                              \
    X(char *, PQerrorMessage, (const PGconn *conn), (conn), NULL)                                       \
    X(int, PQexitPipelineMode, (PGconn *conn), (conn), 0)                                               \
    X(int, PQflush, (PGconn *conn), (conn), -1)                                                         \
    X(char *, PQfname, (const PGresult *res, int field), (res, field), NULL)                            \
    X(PGresult *, PQgetResult, (PGconn *conn), (conn), NULL)                                            \
    X(int, PQgetisnull, (const PGresult *res, int row, int field), (res, row, field), 1)                \
    X(int, PQgetlength, (const PGresult *res, int row, int field), (res, row, field), 0)                \
    X(char *, PQgetvalue, (const PGresult *res, int row, int field), (res, row, field), NULL)           \
    X(char *, PQhost, (const PGconn *conn), (conn), NULL)                                               \
    X(int, PQisBusy, (PGconn *conn), (conn), 0)                                                         \
    X(int, PQnfields, (const PGresult *res), (res), 0)                                                  \
    X(PGnotify *, PQnotifies, (PGconn *conn), (conn), NULL)                                             \
    X(int, PQntuples, (const PGresult *res), (res), 0)                                                  \
    X(PGpipelineStatus, PQpipelineStatus, (const PGconn *conn), (conn), PQ_PIPELINE_OFF)                \
    X(int, PQpipelineSync, (PGconn *conn), (conn), 0)                                                   \
    X(char *, PQport, (const PGconn *conn), (conn), NULL)                                               \
    X(char *, PQresultErrorField, (const PGresult *res, int code), (res, code), NULL)                   \
    X(char *, PQresultErrorMessage, (const PGresult *res), (res), NULL)                                 \
    X(ExecStatusType, PQresultStatus, (const PGresult *res), (res), PGRES_FATAL_ERROR)                  \
    X(int, PQsendPrepare, (PGconn *conn, const char *name, const char *query, int count, const Oid *types), \
      (conn, name, query, count, types), 0)                                                             \
    X(int, PQsendQuery, (PGconn *conn, const char *query), (conn, query), 0)                            \
    X(int, PQsendQueryParams,                                                                           \
      (PGconn *conn, const char *command, int count, const Oid *types, const char *const *values,       \
       const int *lengths, const int *formats, int resultFormat),                                       \
      (conn, command, count, types, values, lengths, formats, resultFormat), 0)                          \
    X(int, PQsendQueryPrepared,                                                                         \
      (PGconn *conn, const char *name, int count, const char *const *values, const int *lengths,        \
       const int *formats, int resultFormat),                                                           \
      (conn, name, count, values, lengths, formats, resultFormat), 0)                                   \
    X(int, PQsetnonblocking, (PGconn *conn, int arg), (conn, arg), -1)                                  \
    X(int, PQsocket, (const PGconn *conn), (conn), -1)                                                  \
    X(ConnStatusType, PQstatus, (const PGconn *conn), (conn), CONNECTION_BAD)                           \
    X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn), PQTRANS_UNKNOWN)      \
    X(char *, PQuser, (const PGconn *conn), (conn), NULL)                                               \
    X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg),      \
      (conn, proc, arg), NULL)

#define WB_PQ_VOID(X)                                  \
    X(PQclear, (PGresult *res), (res))                 \
    X(PQconninfoFree, (PQconninfoOption *options), (options)) \
    X(PQfinish, (PGconn *conn), (conn))                \
    X(PQfreemem, (void *pointer), (pointer))

/* The declarations, made from the lists (hidden: the forwarders are this module's, not exported). */
#define WB_PQ_HIDDEN __attribute__((visibility("hidden")))
#define WB_PQ_DECLARE(type, name, params, args, failure) WB_PQ_HIDDEN type name params;
#define WB_PQ_VOID_DECLARE(name, params, args) WB_PQ_HIDDEN void name params;
WB_PQ_RETURNING(WB_PQ_DECLARE)
WB_PQ_VOID(WB_PQ_VOID_DECLARE)
#undef WB_PQ_DECLARE
#undef WB_PQ_VOID_DECLARE

/* Waits until fd is readable (or writable when want_write) for at most timeout_ms. Returns >0 when
   ready, 0 on timeout, -1 on error (errno set; EINTR retried by the caller). */
int wb_pq_wait(int fd, int want_write, int timeout_ms);

/* errno, for Swift. */
int wb_pq_errno(void);

/* libpq writes server notices (and a FATAL message that ends the connection) straight to stderr;
   the workbench reports failures itself, through its own sanitising output. */
void wb_pq_silence(PGconn *connection);

#endif
