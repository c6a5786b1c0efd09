import Foundation

/// Fresh folders under the temporary directory for one test's files.
public enum ScratchDirectory {
    /// A new, empty folder whose name starts with `autopilot-<name>-`.
    public static func make(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
