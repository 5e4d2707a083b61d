import Crypto

/// SHA-256 digests of text as lowercase hex: document fingerprints, sentence content hashes and
/// derived session ids.
enum Fingerprint {
    /// The SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits.
    static func sha256Hex(_ text: String) -> String {
        var copy = text
        let digest = copy.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
