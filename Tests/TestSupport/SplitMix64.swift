import Foundation

/// A small deterministic random number generator (SplitMix64) for reproducible test inputs: a test
/// that draws from it names its seed in its failure messages, so a failing run can be repeated.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that yields the same sequence for the same seed.
    public init(seed: UInt64) { state = seed }

    /// A seed for a test that should see different inputs on different runs: the value of
    /// `WORKBENCH_TEST_SEED` when set (to repeat a failing run), otherwise a random one. Print it.
    public static func seedForThisRun() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["WORKBENCH_TEST_SEED"], let seed = UInt64(text) { return seed }
        var system = SystemRandomNumberGenerator()
        return system.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
