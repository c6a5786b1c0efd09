import AutopilotCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A secret given to a command without putting it on the command line, where `ps` shows it to every user of the machine:
/// from an environment variable (`--secret-env NAME`), from standard input (`--secret -`, or piped with no flag), or —
/// still accepted, with a warning — as the flag's value.
enum SecretInput {
    static func read(
        value: String?, environmentVariable: String?, flag: String, environmentFlag: String, environment: [String: String]
    ) throws -> String {
        if let environmentVariable {
            guard let secret = environment[environmentVariable], !secret.isEmpty else {
                throw ValidationError(code: "missing_secret", field: environmentFlag, message: "the variable \(environmentVariable) is not set or empty")
            }
            return secret
        }
        if let value, value != "-" {
            FileHandle.standardError.write(
                Data("warning: a secret given as \(flag) on the command line is visible to every user of this machine (ps, shell history); use \(environmentFlag) NAME or \(flag) - (standard input)\n".utf8))
            return value
        }
        guard value == "-" || isatty(STDIN_FILENO) == 0 else {
            throw ValidationError(code: "missing_secret", field: flag, message: "give \(environmentFlag) NAME, or \(flag) - and the secret on standard input")
        }
        let secret = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ValidationError(code: "missing_secret", field: flag, message: "standard input held no secret") }
        return secret
    }
}
