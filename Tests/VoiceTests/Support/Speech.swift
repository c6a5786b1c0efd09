import Foundation
import Testing

/// Real speech for the voice tests: espeak-ng says a sentence into a WAV file, sox turns it into raw μ-law 8 kHz mono
/// (what Twilio carries), cut into 20 ms frames of 160 bytes, base64 — Twilio's `media.payload`.
enum Speech {
    static let required = ProcessInfo.processInfo.environment["AUTOPILOT_REQUIRE_SPEECH"] == "1"

    static let missing: [String] = ["espeak-ng", "sox"].filter { tool in
        !(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static var usable: Bool { missing.isEmpty || required }
    static var skipReason: Comment { "needs \(missing.joined(separator: ", ")) (apt-get install espeak-ng sox); AUTOPILOT_REQUIRE_SPEECH=1 makes this a failure" }

    /// `text` spoken by espeak-ng's `voice` (`fr`, `en-us`), as μ-law 8 kHz bytes.
    static func mulaw(_ text: String, voice: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-speech-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("speech.wav").path
        let raw = directory.appendingPathComponent("speech.ul").path
        try run("espeak-ng", ["-v", voice, "-s", "170", "-w", wav, text])
        try run("sox", [wav, "-r", "8000", "-c", "1", "-e", "u-law", "-t", "raw", raw])
        return Array(try Data(contentsOf: URL(fileURLWithPath: raw)))
    }

    /// 20 ms frames (160 μ-law bytes each, the last one padded with silence), base64.
    static func frames(_ bytes: [UInt8]) -> [String] {
        stride(from: 0, to: bytes.count, by: 160).map { start in
            var chunk = Array(bytes[start..<min(start + 160, bytes.count)])
            chunk += Array(repeating: 0xFF, count: 160 - chunk.count)
            return Data(chunk).base64EncodedString()
        }
    }

    static func frames(_ text: String, voice: String) throws -> [String] { frames(try mulaw(text, voice: voice)) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(tool) exited with \(process.terminationStatus)") }
    }
}
