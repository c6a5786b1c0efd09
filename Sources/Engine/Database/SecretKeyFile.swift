import AutopilotCore
import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The key file: one base64 key on one line, readable by its owner only (0600). Created atomically (written aside, then
/// linked into place), so two processes starting together on a new database end with the same key.
public enum SecretKeyFile {
    /// The key the file holds; `variable` is named in errors.
    public static func read(path: String, variable: String) throws -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw ConfigurationError(variable: variable, reason: "\(path) cannot be read (\(String(cString: strerror(errno))))") }
        guard status.st_mode & 0o077 == 0 else {
            throw ConfigurationError(
                variable: variable, reason: "\(path) is readable by others (mode \(String(status.st_mode & 0o777, radix: 8))): run `chmod 600 \(path)`")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigurationError(variable: variable, reason: "\(path) cannot be read") }
        return try SettingsCipher.parseKey(String(decoding: data, as: UTF8.self), variable: variable)
    }

    /// Writes `key` at `path` (0600) unless a file is already there; returns the key the file holds afterwards.
    public static func create(path: String, key: [UInt8], variable: String) throws -> [UInt8] {
        let aside = path + ".\(getpid()).tmp"
        try write(key: key, to: aside, variable: variable)
        defer { unlink(aside) }
        if link(aside, path) != 0 {
            guard errno == EEXIST else {
                throw ConfigurationError(variable: variable, reason: "\(path) cannot be created (\(String(cString: strerror(errno))))")
            }
            return try read(path: path, variable: variable)
        }
        return key
    }

    /// Replaces the file's key atomically (rotation).
    public static func replace(path: String, key: [UInt8], variable: String) throws {
        let aside = path + ".\(getpid()).tmp"
        try write(key: key, to: aside, variable: variable)
        guard rename(aside, path) == 0 else {
            unlink(aside)
            throw ConfigurationError(variable: variable, reason: "\(path) cannot be replaced (\(String(cString: strerror(errno))))")
        }
    }

    static func write(key: [UInt8], to path: String, variable: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ConfigurationError(variable: variable, reason: "\(path) cannot be created (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        let text = Array((Data(key).base64EncodedString() + "\n").utf8)
        let written = text.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.count, fsync(descriptor) == 0 else {
            throw ConfigurationError(variable: variable, reason: "\(path) cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}
