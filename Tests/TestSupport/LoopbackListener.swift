import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket listening on 127.0.0.1, on a port the system chooses, for tests of what a client
/// meets at an address: left alone it never accepts, so it never answers (connections wait in its
/// backlog); a test that wants an answer accepts on ``socket`` itself. Closed with ``close()``.
public struct LoopbackListener: Sendable {
    /// Why the listener could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The listening socket.
    public let socket: Int32
    /// The port it listens on.
    public let port: Int

    /// Binds a new socket to 127.0.0.1 on a free port and listens on it.
    public init() throws {
        let made = streamSocket()
        guard made >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(made, $0, length) == 0 && getsockname(made, $0, &length) == 0 }
        }
        guard bound, listen(made, 4) == 0 else {
            let reason = String(cString: strerror(errno))
            closeDescriptor(made)
            throw Failure(description: "listening on 127.0.0.1: \(reason)")
        }
        socket = made
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Closes the socket.
    public func close() {
        closeDescriptor(socket)
    }
}

/// A new TCP socket (the system's `socket`, which ``LoopbackListener/socket`` hides inside the type).
private func streamSocket() -> Int32 { socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }

/// Closes `descriptor` (the system's `close`, which ``LoopbackListener/close()`` hides inside the type).
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
