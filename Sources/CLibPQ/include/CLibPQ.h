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

#define WB_PQ_HIDDEN __attribute__((visibility("hidden")))

WB_PQ_HIDDEN int PQbackendPID(const PGconn *conn);
WB_PQ_HIDDEN void PQclear(PGresult *res);
WB_PQ_HIDDEN char *PQcmdTuples(PGresult *res);
WB_PQ_HIDDEN PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
WB_PQ_HIDDEN void PQconninfoFree(PQconninfoOption *connOptions);
WB_PQ_HIDDEN PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg);
WB_PQ_HIDDEN int PQconsumeInput(PGconn *conn);
WB_PQ_HIDDEN int PQenterPipelineMode(PGconn *conn);
WB_PQ_HIDDEN char *PQerrorMessage(const PGconn *conn);
WB_PQ_HIDDEN int PQexitPipelineMode(PGconn *conn);
WB_PQ_HIDDEN void PQfinish(PGconn *conn);
WB_PQ_HIDDEN int PQflush(PGconn *conn);
WB_PQ_HIDDEN char *PQfname(const PGresult *res, int field_num);
WB_PQ_HIDDEN void PQfreemem(void *ptr);
WB_PQ_HIDDEN PGresult *PQgetResult(PGconn *conn);
WB_PQ_HIDDEN int PQgetisnull(const PGresult *res, int tup_num, int field_num);
WB_PQ_HIDDEN char *PQgetvalue(const PGresult *res, int tup_num, int field_num);
WB_PQ_HIDDEN char *PQhost(const PGconn *conn);
WB_PQ_HIDDEN int PQisBusy(PGconn *conn);
WB_PQ_HIDDEN int PQnfields(const PGresult *res);
WB_PQ_HIDDEN PGnotify *PQnotifies(PGconn *conn);
WB_PQ_HIDDEN int PQntuples(const PGresult *res);
WB_PQ_HIDDEN PGpipelineStatus PQpipelineStatus(const PGconn *conn);
WB_PQ_HIDDEN int PQpipelineSync(PGconn *conn);
WB_PQ_HIDDEN char *PQport(const PGconn *conn);
WB_PQ_HIDDEN char *PQresultErrorField(const PGresult *res, int fieldcode);
WB_PQ_HIDDEN char *PQresultErrorMessage(const PGresult *res);
WB_PQ_HIDDEN ExecStatusType PQresultStatus(const PGresult *res);
WB_PQ_HIDDEN int PQsendPrepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes);
WB_PQ_HIDDEN int PQsendQuery(PGconn *conn, const char *query);
WB_PQ_HIDDEN int PQsendQueryParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                   const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                                   int resultFormat);
WB_PQ_HIDDEN int PQsendQueryPrepared(PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,
                                     const int *paramLengths, const int *paramFormats, int resultFormat);
WB_PQ_HIDDEN int PQsetnonblocking(PGconn *conn, int arg);
WB_PQ_HIDDEN int PQsocket(const PGconn *conn);
WB_PQ_HIDDEN ConnStatusType PQstatus(const PGconn *conn);
WB_PQ_HIDDEN char *PQuser(const PGconn *conn);
WB_PQ_HIDDEN PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg);

/* Waits until fd is readable (or writable when want_write) for at most timeout_ms. Returns >0 when
   ready, 0 on timeout, -1 on error (errno set; EINTR retried by the caller). */
int wb_pq_wait(int fd, int want_write, int timeout_ms);

/* errno, for Swift. */
int wb_pq_errno(void);

/* libpq writes server notices (and a FATAL message that ends the connection) straight to stderr;
   the workbench reports failures itself, through its own sanitising output. */
void wb_pq_silence(PGconn *connection);

#endif
