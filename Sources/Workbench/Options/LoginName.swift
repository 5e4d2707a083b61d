import Foundation

/// The name of the person at the keyboard, for annotators, reviewers and adjudicators who do not name
/// themselves: `$USER`, else `$LOGNAME`, else the account name of the process's user (containers and
/// CI often leave both variables unset).
enum LoginName {
    /// The login name, or nil when none can be found.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for key in ["USER", "LOGNAME"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        let account = String(cString: name)
        return account.isEmpty ? nil : account
    }
}
