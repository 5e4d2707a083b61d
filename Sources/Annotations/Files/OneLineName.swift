/// A file name, folder or document id as a message shows it on one line: a line break in it (a
/// folder named `d` LF `valid: …`) shows as `␊`, so it never starts a line of its own that reads like
/// one of the program's (the terminal output path keeps line breaks, the program's own).
public enum OneLineName {
    /// `name` with every line feed shown as `␊`.
    public static func shown(_ name: String) -> String {
        name.contains("\n") ? name.replacingOccurrences(of: "\n", with: "␊") : name
    }
}
