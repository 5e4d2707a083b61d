import Foundation

/// How a connection finds the addresses of the host names it connects to: by default the system's
/// resolver (`getaddrinfo`, which libpq would call itself, blocking, outside any deadline), here
/// run on a thread of its own and waited for until the connection's deadline, so a name server
/// that never answers ends the command in time as a server that never answers does. A test gives
/// a lookup of its own (no name service needed); the waiting is the same.
public struct HostLookup: Sendable {
    /// Why a name has no addresses, in the resolver's words.
    public struct Failure: Error, Sendable, Equatable {
        /// The reason (`Name or service not known`).
        public let reason: String

        /// A failure for `reason`.
        public init(reason: String) {
            self.reason = reason
        }
    }

    /// The numeric addresses of the host name `name` (`192.0.2.7`, `::1`), in the resolver's
    /// order; may block for as long as the name service takes.
    public let addresses: @Sendable (_ name: String) -> Result<[String], Failure>

    /// A lookup answering by `addresses`.
    public init(addresses: @escaping @Sendable (_ name: String) -> Result<[String], Failure>) {
        self.addresses = addresses
    }

    /// The system's resolver: `getaddrinfo` for TCP streams of any address family, as libpq asks it.
    public static let system = HostLookup { name in
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0 else { return .failure(Failure(reason: String(cString: gai_strerror(status)))) }
        defer { freeaddrinfo(list) }
        var found: [String] = []
        var entry = list
        while let current = entry {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let address = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !found.contains(address) { found.append(address) }
            }
            entry = current.pointee.ai_next
        }
        return found.isEmpty ? .failure(Failure(reason: "no address found")) : .success(found)
    }

    /// How a lookup waited for until a deadline ended.
    enum Outcome: Equatable {
        case found([String])
        case failed(String)
        /// The deadline passed first (the lookup goes on, on its own thread, and its answer is dropped).
        case timedOut
    }

    /// Looks `name` up on a thread of its own and waits until it answers or `deadline` passes on `clock`.
    func addresses(of name: String, until deadline: UInt64, clock: TeamClock) -> Outcome {
        let answer = Answer()
        let lookup = addresses
        Thread.detachNewThread { answer.give(lookup(name)) }
        while true {
            let remaining = clock.milliseconds(until: deadline)
            guard remaining > 0 else { return answer.taken.map(Self.outcome) ?? .timedOut }
            if answer.ready.wait(timeout: .now() + .milliseconds(min(remaining, 100))) == .success, let result = answer.taken {
                return Self.outcome(result)
            }
        }
    }

    private static func outcome(_ result: Result<[String], Failure>) -> Outcome {
        switch result {
        case .success(let addresses): .found(addresses)
        case .failure(let failure): .failed(failure.reason)
        }
    }

    /// The answer of a lookup's thread, handed to the waiting one.
    private final class Answer: @unchecked Sendable {
        let ready = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var result: Result<[String], Failure>?

        func give(_ result: Result<[String], Failure>) {
            lock.withLock { self.result = result }
            ready.signal()
        }

        var taken: Result<[String], Failure>? { lock.withLock { result } }
    }
}
