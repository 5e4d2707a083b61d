import Testing
@testable import Annotations

@Suite("SHA-256")
struct SHA256Tests {
    @Test("Known vectors from FIPS 180-4")
    func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("Multi-block input and UTF-8 text")
    func multiBlock() {
        let text = String(repeating: "a", count: 1000)
        #expect(SHA256.hex(text) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex("Grüße „x“") == SHA256.hex(bytes: Array("Grüße „x“".utf8)))
    }
}
