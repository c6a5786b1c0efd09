import Foundation

/// The package's own `autopilot` binary, for tests that drive it as a separate process (the browser journey, the MCP
/// client over stdio): the debug build, else the release one; nil when neither is built.
public enum BuiltAutopilot {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static var executable: URL? {
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/autopilot")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
