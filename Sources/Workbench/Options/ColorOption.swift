import ArgumentParser

/// `--no-color`, shared by every command that colours its output.
struct ColorOption: ParsableArguments {
    @Flag(help: "Never use colour (NO_COLOR=1 does the same).")
    var noColor = false
}
