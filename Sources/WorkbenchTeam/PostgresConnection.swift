import CLibPQ
import Foundation

/// One connection to PostgreSQL through libpq. Credentials come from the URL, the environment
/// (`PGPASSWORD`, `PGUSER`, …) or `~/.pgpass` (`PGPASSFILE`) exactly as libpq reads them, and
/// `sslmode` is honoured; nothing printed carries the password (``DatabaseURL/redacted``).
///
/// Every statement takes bound parameters only (`PQexecParams`); every wait has a deadline: one
/// for the whole of connecting, a server-side `statement_timeout`, TCP keepalives and a
/// client-side deadline on each answer, so a hung server or a partition gives ``TeamError/timedOut(url:seconds:)``
/// instead of a frozen prompt. Used from one thread at a time.
public final class PostgresConnection {
    /// The server, as given.
    public let url: DatabaseURL
    /// Seconds to wait for each answer, and for connecting as a whole, whatever addresses it tries
    /// (see ``init(url:applicationName:timeoutSeconds:user:passwordFile:clock:)``).
    public let timeoutSeconds: Int
    private let applicationName: String
    /// A role to log in as instead of the URL's (`--annotator`).
    private let userOverride: String?
    /// A password file other than `$PGPASSFILE` / `~/.pgpass`.
    private let passwordFile: String?
    private var handle: OpaquePointer?
    /// The statements prepared on this connection.
    private var preparedNames: Set<String> = []
    /// Statements sent by ``send(prepared:_:_:)`` whose answers are not read yet (each in libpq's
    /// pipeline mode, closed by a Sync of its own).
    private var unreadAnswers = 0
    /// The end of the open transaction's time (``transaction(readingOneSnapshot:deadline:_:)``), with
    /// its length in seconds for the message: every wait inside it ends there at the latest.
    private var transactionDeadline: (end: UInt64, seconds: Int)?
    /// The clock every deadline is measured on (monotonic: see ``TeamClock``).
    public let clock: TeamClock
    /// Seconds to wait for the answer to the statement being run when longer than `timeoutSeconds`
    /// (``query(_:answeringWithin:)``).
    private var longerAnswer: Int?
    /// How the host names connected to are looked up (within the deadline of connecting).
    private let hostLookup: HostLookup

    /// Connects, within `timeoutSeconds` as a whole on `clock`: a host name that resolves to several
    /// silent addresses (or a URL naming several hosts) gives up when that time is over, not after
    /// that time for each address in turn (libpq's `connect_timeout`, which the blocking
    /// `PQconnectdbParams` applies per address on the wall clock). Looking the host names up is
    /// part of that time (`hostLookup`, see ``ConnectionHosts``): libpq's own lookup blocks outside any deadline.
    public init(
        url: DatabaseURL, applicationName: String = "workbench", timeoutSeconds: Int = 10, user: String? = nil, passwordFile: String? = nil,
        clock: TeamClock = .monotonic, hostLookup: HostLookup = .system
    ) throws(TeamError) {
        self.url = url
        self.clock = clock
        self.hostLookup = hostLookup
        self.userOverride = user
        self.passwordFile = passwordFile
        self.timeoutSeconds = max(2, timeoutSeconds)
        self.applicationName = applicationName
        try connect()
    }

    deinit { close() }

    /// Whether the connection is up (as far as libpq knows without asking the server).
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The role this connection logged in as.
    public var user: String { handle.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "" }
    /// The host (or socket folder) connected to.
    public var host: String { handle.flatMap { PQhost($0) }.map { String(cString: $0) } ?? "" }
    /// The port connected to.
    public var port: String { handle.flatMap { PQport($0) }.map { String(cString: $0) } ?? "" }
    /// The server process serving this connection.
    public var serverProcess: Int32 { handle.map { PQbackendPID($0) } ?? 0 }

    /// Drops the connection (if any) and connects again.
    public func reconnect() throws(TeamError) {
        close()
        try connect()
    }

    /// Closes the connection; safe to call twice.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        preparedNames = []
        unreadAnswers = 0
    }

    private func connect() throws(TeamError) {
        try PostgresClientLibrary.load()
        let milliseconds = timeoutSeconds * 1000
        // The URL's settings as libpq read them (``DatabaseURL``), then the ones that override them.
        var settings: [(String, String)] = url.settings.map { ($0.keyword, $0.value) }
        if let userOverride { settings.append(("user", userOverride)) }
        if let passwordFile { settings.append(("passfile", passwordFile)) }
        settings += [
            ("keepalives", "1"),
            ("keepalives_idle", "5"),
            ("keepalives_interval", "2"),
            ("keepalives_count", "3"),
            ("tcp_user_timeout", String(milliseconds)),
            ("application_name", applicationName),
            // The server's own limits end a wait before the client's deadline does: a statement that
            // waited for another transaction's lock is then refused with its reason (SQLSTATE 55P03,
            // ``TeamError/advice(code:url:)``) on a connection that stays up, rather than cut off as
            // a server that did not answer. The search path is PostgreSQL's own catalogue only (every
            // table is named with its schema): a function or table a member made in a schema on the
            // role's usual path (`public` in a database made before PostgreSQL 15) is never called or
            // read in its stead by another member's or the project owner's statements.
            ("options", "-c statement_timeout=\(milliseconds - 500) -c lock_timeout=\(milliseconds - 1000) -c client_min_messages=error -c search_path=pg_catalog,pg_temp"),
        ]
        let deadline = clock.reading(after: timeoutSeconds)
        let hosts: ConnectionHosts
        do {
            hosts = try ConnectionHosts(
                settings: settings, environment: ProcessInfo.processInfo.environment, lookup: hostLookup, until: deadline, clock: clock,
                seconds: timeoutSeconds)
        } catch {
            switch error {
            case .timedOut(let host, let seconds):
                throw .cannotConnect(
                    url: url.redacted,
                    reason: "looking up the host name \"\(host)\" did not end within the \(seconds) s allowed for connecting (a name server that does not answer?):"
                        + " check the host name in the URL and the name service, or give the server's address")
            case .noAddress(let failures):
                throw .cannotConnect(url: url.redacted, reason: failures.joined(separator: "; "))
            }
        }
        settings += hosts.settings
        let keys = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keyPointers: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
        var valuePointers: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
        let connection = keyPointers.withUnsafeMutableBufferPointer { k in
            valuePointers.withUnsafeMutableBufferPointer { v in PQconnectStartParams(k.baseAddress, v.baseAddress, 0) }
        }
        guard let connection else { throw .cannotConnect(url: url.redacted, reason: "out of memory") }
        let finished = Self.finishConnecting(connection, until: deadline, clock: clock)
        guard finished == .done, PQstatus(connection) == CONNECTION_OK else {
            // The names that had no address come first, as libpq would have tried them first.
            var reason = (hosts.failures + [Self.message(PQerrorMessage(connection))]).filter { !$0.isEmpty }.joined(separator: "; ")
            if finished == .timedOut {
                // libpq's words for an address that did not answer in time, after what the addresses
                // tried before it gave; libpq has begun the line of the address being tried (the
                // advice below names its host and port).
                if reason.hasSuffix("failed:") {
                    reason += " timeout expired"
                } else {
                    let place = "connection to server at \"\(PQhost(connection).map { String(cString: $0) } ?? "?")\", port \(PQport(connection).map { String(cString: $0) } ?? "?") failed: timeout expired"
                    reason = reason.isEmpty ? place : reason + "; " + place
                }
            }
            let login = ConnectionAdvice(
                passwordFile: passwordFile ?? url.settings.last(where: { $0.keyword == "passfile" })?.value,
                user: PQuser(connection).map { String(cString: $0) } ?? "",
                host: PQhost(connection).map { String(cString: $0) } ?? "",
                port: PQport(connection).map { String(cString: $0) } ?? "")
            PQfinish(connection)
            let advice = login.advice(for: reason).map { "; " + $0 } ?? ""
            throw .cannotConnect(url: url.redacted, reason: (reason.isEmpty ? "no reason given" : reason) + advice)
        }
        PQsetnonblocking(connection, 1)
        wb_pq_silence(connection)
        handle = connection
    }

    /// How making a connection ended.
    private enum Connecting: Equatable {
        /// Made, or refused (libpq's status and message say which).
        case done
        /// `deadline` passed while an address was being tried.
        case timedOut
    }

    /// Drives libpq's non-blocking connecting (`PQconnectPoll`, through every host and address it
    /// tries) until it ends or `deadline` passes, waiting in `poll` on the socket of the address being tried.
    private static func finishConnecting(_ connection: OpaquePointer, until deadline: UInt64, clock: TeamClock) -> Connecting {
        guard PQstatus(connection) != CONNECTION_BAD else { return .done }
        var polling = PGRES_POLLING_WRITING
        while true {
            switch polling {
            case PGRES_POLLING_OK, PGRES_POLLING_FAILED:
                return .done
            case PGRES_POLLING_READING, PGRES_POLLING_WRITING:
                var ready: Int32 = 0
                while ready == 0 {
                    let remaining = clock.milliseconds(until: deadline)
                    guard remaining > 0 else { return .timedOut }
                    ready = wb_pq_wait(PQsocket(connection), polling == PGRES_POLLING_WRITING ? 1 : 0, Int32(min(remaining, 1000)))
                    // Interrupted by a signal: waited again (what the signal asks for is the handler's).
                    if ready < 0, wb_pq_errno() == EINTR { ready = 0 }
                }
                // Ready, or the socket could not be waited on: libpq finds out which and says so.
            default:
                break
            }
            polling = PQconnectPoll(connection)
        }
    }

    /// Runs one statement with bound parameters (`$1`, `$2`, … as text) and returns its rows. Without
    /// parameters, `sql` may hold several statements (as for a schema).
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(TeamError) -> PostgresRows {
        try query(sql, PostgresParameters(parameters))
    }

    /// Runs one statement with the bound parameters `parameters` (text, in one buffer: a push's
    /// thousand lines are copied there from the log's bytes, never made strings one by one).
    @discardableResult
    public func query(_ sql: String, _ parameters: PostgresParameters) throws(TeamError) -> PostgresRows {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        try readUnreadAnswers(connection)
        let sent = parameters.count == 0 ? PQsendQuery(connection, sql) : Self.send(connection, sql, parameters)
        guard sent == 1 else { throw failure(connection) }
        return try collect(connection)
    }

    /// Sends `sql` with its bound parameters (as text) without waiting for the answer; libpq's status.
    private static func send(_ connection: OpaquePointer, _ sql: String, _ parameters: PostgresParameters) -> Int32 {
        parameters.withPointers { PQsendQueryParams(connection, sql, Int32(parameters.count), nil, $0.baseAddress, nil, nil, 0) }
    }

    /// Runs `sql` as the prepared statement `name`: prepared (`PQprepare`) the first time this
    /// connection runs it, so the server parses and plans it once; every later run sends only
    /// the bound parameters. A new connection prepares again.
    ///
    /// After ``send(prepared:_:_:)`` the statement goes out at once, behind the one sent before,
    /// whose answer is read (and dropped) together with this one's: the server runs both back to
    /// back, and the caller waits for one answer, not two in turn.
    @discardableResult
    public func query(prepared name: String, _ sql: String, _ parameters: [String?]) throws(TeamError) -> PostgresRows {
        if let connection = handle, unreadAnswers > 0, preparedNames.contains(name), PQpipelineStatus(connection) != PQ_PIPELINE_OFF {
            defer { leavePipelineWhenDone() }
            try sendCall(connection, name, parameters)
            guard PQpipelineSync(connection) == 1 else { throw failure(connection) }
            try readUnreadAnswers(connection, leavingPipeline: false)
            return try collect(connection)
        }
        let connection = try sendPrepared(name, sql, parameters)
        return try collect(connection)
    }

    /// Runs one statement with bound parameters (as ``query(_:_:)``) and hands its rows to `body` in
    /// place, as libpq holds them: no string is made of a value
    /// that `body` does not ask for (a session's lines, read by the million). An error `body` returns
    /// is thrown once the answer is read whole (the connection stays usable).
    func query(_ sql: String, _ parameters: [String?], rows body: (PostgresResultRows) -> TeamError?) throws(TeamError) {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        try readUnreadAnswers(connection)
        guard Self.send(connection, sql, PostgresParameters(parameters)) == 1 else { throw failure(connection) }
        try collect(connection, inPlace: true, visit: body)
    }

    /// Whether a transaction is open on this connection (a `BEGIN` without its end yet).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Prepares `sql` as the statement `name` now (unless this connection has), so that its first
    /// run costs no more than the later ones: the server parses it and loads what it names here,
    /// not at its first run.
    func prepare(_ name: String, _ sql: String, parameterCount: Int) throws(TeamError) {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        try readUnreadAnswers(connection)
        guard !preparedNames.contains(name) else { return }
        guard PQsendPrepare(connection, name, sql, Int32(parameterCount), nil) == 1 else { throw failure(connection) }
        try collect(connection)
        preparedNames.insert(name)
    }

    /// Sends `sql` as the prepared statement `name` (as ``query(prepared:_:_:)``) without waiting
    /// for its answer: the statement is on its way to the server when this returns, in a
    /// transaction of its own (libpq's pipeline mode, a Sync after it), and its answer is read, and
    /// dropped, with the next statement's. For a statement whose outcome nobody waits for (the
    /// notification after a committed line): neither this call nor the next prepared statement
    /// waits for its round trip. A failure to send it is reported; its own failure is not.
    public func send(prepared name: String, _ sql: String, _ parameters: [String?]) throws(TeamError) {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        if !preparedNames.contains(name) { try prepare(name, sql, parameterCount: parameters.count) }
        if PQpipelineStatus(connection) == PQ_PIPELINE_OFF {
            guard PQenterPipelineMode(connection) == 1 else { throw failure(connection) }
        }
        try sendCall(connection, name, parameters)
        guard PQpipelineSync(connection) == 1 else { throw failure(connection) }
        unreadAnswers += 1
        try flush(connection, until: answerDeadline())
    }

    /// Leaves pipeline mode once every answer sent in it is read (the connection idle).
    private func leavePipelineWhenDone() {
        guard let connection = handle, unreadAnswers == 0, PQpipelineStatus(connection) != PQ_PIPELINE_OFF else { return }
        if PQexitPipelineMode(connection) != 1 { close() }
    }

    /// Sends what libpq still holds for the server, waiting until the socket takes it or `deadline`.
    private func flush(_ connection: OpaquePointer, until deadline: UInt64) throws(TeamError) {
        var flushing = PQflush(connection)
        while flushing == 1 {
            try wait(connection, write: true, until: deadline)
            flushing = PQflush(connection)
        }
        guard flushing == 0 else { throw failure(connection) }
    }

    /// Prepares `name` on first use, then sends it with `parameters` (the answer not yet read).
    private func sendPrepared(_ name: String, _ sql: String, _ parameters: [String?]) throws(TeamError) -> OpaquePointer {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        try prepare(name, sql, parameterCount: parameters.count)
        try sendCall(connection, name, parameters)
        return connection
    }

    /// Sends the prepared statement `name` with `parameters` (in pipeline mode: without its Sync).
    private func sendCall(_ connection: OpaquePointer, _ name: String, _ parameters: [String?]) throws(TeamError) {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        let sent = pointers.withUnsafeBufferPointer { PQsendQueryPrepared(connection, name, Int32(parameters.count), $0.baseAddress, nil, nil, 0) }
        guard sent == 1 else { throw failure(connection) }
    }

    /// Reads the answers of statements sent by ``send(prepared:_:_:)``: a refusal there is dropped
    /// (nobody waits for it), a lost connection is reported. Then leaves pipeline mode, unless a
    /// statement sent behind them is still to be read (`leavingPipeline` false).
    private func readUnreadAnswers(_ connection: OpaquePointer, leavingPipeline: Bool = true) throws(TeamError) {
        while unreadAnswers > 0 {
            unreadAnswers -= 1
            do {
                try collect(connection)
            } catch {
                if case .refused = error { continue }
                throw error
            }
        }
        if leavingPipeline { leavePipelineWhenDone() }
        guard handle != nil else { throw .connectionLost(url: url.redacted, reason: "the connection could not leave pipeline mode") }
    }

    /// Flushes what was sent and reads every result of one statement (in pipeline mode: up to and
    /// including its Sync), with the deadline on each wait.
    /// With `inPlace`, rows are handed to `visit` as libpq holds them instead of being returned.
    @discardableResult
    private func collect(
        _ connection: OpaquePointer, inPlace: Bool = false, visit: (PostgresResultRows) -> TeamError? = { _ in nil }
    ) throws(TeamError) -> PostgresRows {
        let deadline = answerDeadline()
        try flush(connection, until: deadline)
        let pipelined = PQpipelineStatus(connection) != PQ_PIPELINE_OFF
        var rows = PostgresRows()
        var refusal: TeamError?
        var endedStatement = false
        reading: while true {
            while PQisBusy(connection) == 1 {
                try wait(connection, write: false, until: deadline)
                guard PQconsumeInput(connection) == 1 else { throw failure(connection) }
            }
            guard let result = PQgetResult(connection) else {
                // In pipeline mode a statement's results end with no result, then its Sync follows;
                // twice no result means nothing more is coming.
                if pipelined, !endedStatement, PQstatus(connection) == CONNECTION_OK {
                    endedStatement = true
                    continue
                }
                break
            }
            endedStatement = false
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_PIPELINE_SYNC:
                break reading
            case PGRES_PIPELINE_ABORTED:
                break
            case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
                if inPlace {
                    if let failure = visit(PostgresResultRows(result)), refusal == nil { refusal = failure }
                } else {
                    rows = Self.rows(of: result)
                }
            case PGRES_COMMAND_OK:
                rows = PostgresRows(affected: Int(String(cString: PQcmdTuples(result))) ?? 0)
            case PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                break
            default:
                if refusal == nil {
                    let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
                    let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                    refusal = .refused(url: url.redacted, reason: primary ?? Self.message(PQresultErrorMessage(result)), code: code)
                }
            }
        }
        if PQstatus(connection) != CONNECTION_OK {
            let reason = refusal.map { error -> String in
                if case .refused(_, let reason, _) = error { return reason }
                return error.description
            } ?? Self.message(PQerrorMessage(connection))
            close()
            throw .connectionLost(url: url.redacted, reason: reason.isEmpty ? "server closed the connection" : reason)
        }
        if let refusal {
            // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now: the server is going away.
            if ["57P01", "57P02", "57P03"].contains(refusal.sqlState) {
                close()
                throw .connectionLost(url: url.redacted, reason: "server shutting down")
            }
            throw refusal
        }
        return rows
    }

    /// When the answer to a statement sent now is due: the connection's time per answer, or the
    /// open transaction's deadline when that comes first.
    private func answerDeadline() -> UInt64 {
        let answer = clock.reading(after: max(timeoutSeconds, longerAnswer ?? 0))
        guard let transactionDeadline, transactionDeadline.end < answer else { return answer }
        return transactionDeadline.end
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws. With
    /// `readingOneSnapshot`, the transaction only reads, and every statement in it sees the database
    /// as it was at the first (`REPEATABLE READ READ ONLY`): a read in several statements (a long
    /// session's lines, in batches) is one consistent view, whatever is committed meanwhile.
    ///
    /// With `deadline` (seconds), the transaction as a whole ends by then: a wait for an answer that
    /// would go past it ends there, the connection is closed (the server rolls the transaction back
    /// and lets go of its locks once it notices, at the latest when its statement's own time runs
    /// out) and ``TeamError/transactionTimedOut(url:seconds:)`` is thrown. The server also ends the
    /// transaction itself when the client sends nothing for longer than the time per answer
    /// (`idle_in_transaction_session_timeout`, for this transaction only): a client stopped between
    /// two statements (suspended, or stuck) holds no lock for longer than that.
    public func transaction<T>(readingOneSnapshot: Bool = false, deadline: Int? = nil, _ body: () throws(TeamError) -> T) throws(TeamError) -> T {
        try query(readingOneSnapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        if let deadline {
            transactionDeadline = (clock.reading(after: deadline), deadline)
        }
        defer { transactionDeadline = nil }
        do {
            if deadline != nil {
                try query("SELECT set_config('idle_in_transaction_session_timeout', $1, true)", [String(timeoutSeconds * 1000)])
            }
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            if isOpen { _ = try? query("ROLLBACK") }
            throw error
        }
    }

    /// Runs `sql` (no parameters; several statements may be given) inside the open transaction,
    /// allowing it `seconds` rather than the time per answer: the server's `statement_timeout` for
    /// this transaction and the client's wait for the answer both become `seconds` (never beyond
    /// the transaction's own deadline). For a statement whose work grows with the tables, such as
    /// `team init` rewriting a long `events` table; the time per answer applies again after it.
    public func query(_ sql: String, answeringWithin seconds: Int) throws(TeamError) {
        guard seconds > timeoutSeconds else {
            try query(sql)
            return
        }
        try query("SELECT set_config('statement_timeout', $1, true)", [String(seconds * 1000 - 500)])
        longerAnswer = seconds
        defer { longerAnswer = nil }
        try query(sql)
        longerAnswer = nil
        try query("SELECT set_config('statement_timeout', $1, true)", [String(timeoutSeconds * 1000 - 500)])
    }

    /// Waits up to `milliseconds` for notifications (after `LISTEN`) and returns those that came, as
    /// (channel, payload).
    public func notifications(waiting milliseconds: Int) throws(TeamError) -> [(channel: String, payload: String)] {
        guard let connection = handle, PQstatus(connection) == CONNECTION_OK else {
            close()
            throw .connectionLost(url: url.redacted, reason: "not connected")
        }
        try readUnreadAnswers(connection)
        var found = Self.drain(connection)
        if found.isEmpty {
            let ready = wb_pq_wait(PQsocket(connection), 0, Int32(milliseconds))
            if ready > 0 {
                guard PQconsumeInput(connection) == 1 else { throw failure(connection) }
                found = Self.drain(connection)
            }
        }
        return found
    }

    private static func drain(_ connection: OpaquePointer) -> [(channel: String, payload: String)] {
        var found: [(channel: String, payload: String)] = []
        while let notice = PQnotifies(connection) {
            found.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return found
    }

    private func wait(_ connection: OpaquePointer, write: Bool, until deadline: UInt64) throws(TeamError) {
        while true {
            let remaining = clock.milliseconds(until: deadline)
            guard remaining > 0 else {
                close()
                if let transactionDeadline, transactionDeadline.end <= deadline {
                    throw .transactionTimedOut(url: url.redacted, seconds: transactionDeadline.seconds)
                }
                throw .timedOut(url: url.redacted, seconds: max(timeoutSeconds, longerAnswer ?? 0))
            }
            let ready = wb_pq_wait(PQsocket(connection), write ? 1 : 0, Int32(min(remaining, 1000)))
            if ready > 0 { return }
            if ready < 0 && wb_pq_errno() != EINTR {
                close()
                throw .connectionLost(url: url.redacted, reason: "cannot wait for the server")
            }
        }
    }

    private func failure(_ connection: OpaquePointer) -> TeamError {
        let reason = Self.message(PQerrorMessage(connection))
        close()
        return .connectionLost(url: url.redacted, reason: reason.isEmpty ? "server closed the connection" : reason)
    }

    private static func rows(of result: OpaquePointer) -> PostgresRows {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        var rows = PostgresRows()
        rows.columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        rows.rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            rows.rows.append((0..<columnCount).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            })
        }
        return rows
    }

    /// libpq's message on one line: its lines (a detail line begins with a tab) joined by `; `.
    private static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
