import Foundation

// Benchmarks of the Annotations library. The first argument names the benchmark; every benchmark
// lives in its own file and registers itself in `benchmarks` below.
//
//     swift run -c release WorkbenchBenchmarks segmentation [--size MB] [--runs N] [--seeds DIR]
//     swift run -c release WorkbenchBenchmarks suggest --spkatt DIR [--part dev|heldout|all]
//     swift run -c release WorkbenchBenchmarks suggest-speed [--size MB] [--runs N]
//     swift run -c release WorkbenchBenchmarks repl [--sentences N] [--commands N] [--runs K]  (build workbench first)
//     swift run -c release WorkbenchBenchmarks team-load --url OWNER_URL [--clients N] [--edits N] [--restart-after S]

/// A runnable benchmark: a name for the command line, a summary and an entry point taking the
/// remaining arguments.
struct Benchmark: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([String]) throws -> Void
}

let benchmarks: [Benchmark] = [
    SegmentationBenchmark.benchmark
] + SessionBenchmark.benchmarks + [ReplayBenchmark.benchmark, ExportBenchmark.benchmark, REPLBenchmark.benchmark, SpkAttBenchmark.benchmark,
    SuggestionSpeedBenchmark.benchmark, TeamLoadBenchmark.benchmark]

func usage(_ benchmarks: [Benchmark]) -> String {
    var text = "usage: WorkbenchBenchmarks <benchmark> [options]\n\nbenchmarks:\n"
    for benchmark in benchmarks { text += "  \(benchmark.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(benchmark.summary)\n" }
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "-h", name != "--help" else {
    print(usage(benchmarks), terminator: "")
    exit(arguments.isEmpty ? 2 : 0)
}
guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("unknown benchmark '\(name)'\n\n\(usage(benchmarks))".utf8))
    exit(2)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
    exit(1)
}
