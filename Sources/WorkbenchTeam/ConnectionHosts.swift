import Foundation

/// The hosts a connection tries, with the host names among them looked up before libpq is started
/// (``HostLookup``, within the connection's deadline) and handed to it as `hostaddr`, one entry for
/// each address a name has, beside the name as `host` (kept for TLS verification, the password
/// file and libpq's messages): libpq then connects to addresses only and never looks a name up
/// itself, outside the deadline. Sockets, numeric addresses and settings that already give
/// `hostaddr` (or a `service`) are left to libpq as they are.
struct ConnectionHosts {
    /// The settings to add after the others (`host`, `hostaddr`, and `port` when each host has its
    /// own): empty when no host name is to be looked up.
    var settings: [(String, String)] = []
    /// The names that have no address, in libpq's words (`could not translate host name "x" to
    /// address: …`); their hosts are left out.
    var failures: [String] = []

    /// Why the hosts could not be given in time.
    enum Problem: Error, Equatable {
        /// Looking `host` up did not end by the deadline of `seconds`.
        case timedOut(host: String, seconds: Int)
        /// No host is left: every name has no address (``failures``).
        case noAddress([String])
    }

    /// The hosts of `settings` (libpq's keywords, later ones winning) and of the environment
    /// libpq reads (`PGHOST`, `PGHOSTADDR`, `PGPORT`, `PGSERVICE`), looked up by `lookup` until
    /// `deadline` on `clock` (`seconds` long, for the message).
    init(
        settings given: [(String, String)], environment: [String: String], lookup: HostLookup, until deadline: UInt64, clock: TeamClock,
        seconds: Int
    ) throws(Problem) {
        func value(_ keyword: String, _ variable: String) -> String? {
            given.last { $0.0 == keyword }?.1 ?? environment[variable]
        }
        guard (value("hostaddr", "PGHOSTADDR") ?? "").isEmpty, (value("service", "PGSERVICE") ?? "").isEmpty,
            let hostList = value("host", "PGHOST"), !hostList.isEmpty
        else { return }
        let hosts = hostList.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard hosts.contains(where: Self.isName) else { return }
        let ports = value("port", "PGPORT").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        // One port for every host, or one each; any other count is libpq's to refuse.
        guard ports.count <= 1 || ports.count == hosts.count else { return }
        let portEach = ports.count > 1
        var hostEntries: [String] = [], addressEntries: [String] = [], portEntries: [String] = []
        for (index, host) in hosts.enumerated() {
            let port = portEach ? ports[index] : ""
            guard Self.isName(host) else {
                hostEntries.append(host)
                addressEntries.append("")
                portEntries.append(port)
                continue
            }
            switch lookup.addresses(of: host, until: deadline, clock: clock) {
            case .timedOut:
                throw .timedOut(host: host, seconds: seconds)
            case .failed(let reason):
                failures.append("could not translate host name \"\(host)\" to address: \(reason)")
            case .found(let addresses):
                for address in addresses {
                    hostEntries.append(host)
                    addressEntries.append(address)
                    portEntries.append(port)
                }
            }
        }
        guard !hostEntries.isEmpty else { throw .noAddress(failures) }
        settings = [("host", hostEntries.joined(separator: ",")), ("hostaddr", addressEntries.joined(separator: ","))]
        if portEach { settings.append(("port", portEntries.joined(separator: ","))) }
    }

    /// Whether a `host` entry is a name to look up: not empty (the default socket), not a socket's
    /// folder (`/…`) or abstract socket (`@…`), not a numeric IPv4 or IPv6 address.
    static func isName(_ host: String) -> Bool {
        guard let first = host.first, first != "/", first != "@" else { return false }
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) != 1 && inet_pton(AF_INET6, host, &v6) != 1
    }
}
