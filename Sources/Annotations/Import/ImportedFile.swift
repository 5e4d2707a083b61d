import Foundation

/// Why a file to import could not be read, said plainly: a folder, a pipe or device, a link that
/// leads nowhere, a file that is not readable ("no such file or not readable" sent the user looking
/// for a file that is there).
enum ImportedFile {
    /// The reason `path` cannot be read as a file to import.
    static func unreadableReason(_ path: String) -> String {
        switch FileKind(at: path) {
        case .regular: access(path, R_OK) == 0 ? "the file cannot be read" : "the file is not readable (permission denied)"
        case .folder: "it is a folder, not a file; name the files in it"
        case .device, .pipe, .socket: "not a regular file (a pipe, socket or device); save what it holds to a file and import that"
        case let kind: kind.notAFile ?? "the file cannot be read"
        }
    }
}
