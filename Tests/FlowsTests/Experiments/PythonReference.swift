import Foundation

/// Runs a Python script (the independent reference of a test) with a JSON input on stdin; returns its JSON output.
enum PythonReference {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ script: String, input: Any) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return try JSONSerialization.jsonObject(with: output)
    }
}
