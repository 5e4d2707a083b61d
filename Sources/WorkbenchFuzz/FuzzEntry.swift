import Foundation

#if WORKBENCH_FUZZING
/// The target and workspace libFuzzer's inputs go to, set up once in `LLVMFuzzerInitialize`.
nonisolated(unsafe) private var fuzzSetup: (target: FuzzTarget, workspace: FuzzWorkspace)?

/// libFuzzer's set-up hook: picks the target named by `WORKBENCH_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    let name = environment["WORKBENCH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("fuzz: set WORKBENCH_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    guard let workspace = FuzzWorkspace.make(environment: environment) else { exit(2) }
    fuzzSetup = (target, workspace)
    return 0
}

/// libFuzzer's entry point: one input to the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let (target, workspace) = fuzzSetup else { return 0 }
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    target.run(data, in: workspace)
    return 0
}

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry point. SwiftPM links an executable target's `main` to `<Target>_main`, so
/// libFuzzer's own `main` is not used: this one hands over to its driver.
@_cdecl("WorkbenchFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return withUnsafeMutablePointer(to: &arguments) { arguments in
        fuzzerRunDriver(&count, arguments, fuzzerTestOneInput)
    }
}
#else
/// Without the fuzzer (an ordinary `swift build`): replays saved inputs through a target, so a
/// finding can be reproduced and debugged without sanitizers.
///
///     workbench-fuzz TARGET FILE...
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: workbench-fuzz TARGET FILE...  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        guard let workspace = FuzzWorkspace.make(environment: ProcessInfo.processInfo.environment) else { exit(2) }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("workbench-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(data, in: workspace)
            FileHandle.standardError.write(Data("workbench-fuzz: \(target.rawValue) ran \(path) (\(data.count) bytes) without a crash\n".utf8))
        }
    }
}
#endif
