extension UTF8Validation {
    /// True when `bytes` are valid UTF-8 (the rules of ``firstInvalidOffset(in:)``, which also says
    /// where the first error is).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(in: bytes) == nil
    }
}
