import Foundation

/// The templates of the built-in flows, shipped as YAML files in the package's `TemplateLibrary` resource folder
/// (file name = template name), each in French and English.
public enum TemplateLibrary {
    private static let loaded: Result<[MessageTemplate], TemplateLibraryError> = {
        guard let directory = Bundle.module.url(forResource: "TemplateLibrary", withExtension: nil) else {
            return .failure(
                TemplateLibraryError(files: ["TemplateLibrary": [TemplateIssue(path: "", message: "the resource folder is missing from the bundle")]])
            )
        }
        return load(from: directory)
    }()

    /// Every built-in template, sorted by name, parsed once from `Bundle.module`.
    public static var builtIn: [MessageTemplate] {
        get throws(TemplateLibraryError) { try loaded.get() }
    }

    /// The built-in template with this name.
    public static func template(named name: String) throws(TemplateLibraryError) -> MessageTemplate? {
        try builtIn.first { $0.name == name }
    }

    /// The YAML text of a built-in template, as shipped.
    public static func source(named name: String) -> String? {
        guard FlowDefinitionReader.isIdentifier(name), let directory = Bundle.module.url(forResource: "TemplateLibrary", withExtension: nil) else {
            return nil
        }
        return try? String(contentsOf: directory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    }

    /// Reads every `.yaml`, `.yml` and `.json` file of a folder as a template whose name must be the file name.
    public static func load(from directory: URL) -> Result<[MessageTemplate], TemplateLibraryError> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return .failure(TemplateLibraryError(files: [directory.lastPathComponent: [TemplateIssue(path: "", message: "cannot list: \(error)")]]))
        }
        var templates: [MessageTemplate] = []
        var problems: [String: [TemplateIssue]] = [:]
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) else { continue }
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                problems[name] = [TemplateIssue(path: "", message: "cannot be read as UTF-8 text")]
                continue
            }
            do {
                let template = try MessageTemplate.parse(text)
                let expected = url.deletingPathExtension().lastPathComponent
                if template.name != expected {
                    problems[name] = [TemplateIssue(path: "name", message: "\"\(template.name)\" differs from the file name \"\(expected)\"")]
                } else {
                    templates.append(template)
                }
            } catch {
                problems[name] = error.issues
            }
        }
        guard problems.isEmpty else { return .failure(TemplateLibraryError(files: problems)) }
        return .success(templates.sorted { $0.name < $1.name })
    }
}

/// Library files that are not valid templates, with each file's problems.
public struct TemplateLibraryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String { "invalid_template_library" }
    public var files: [String: [TemplateIssue]]

    public init(files: [String: [TemplateIssue]]) {
        self.files = files
    }

    public var description: String {
        files.keys.sorted().flatMap { file in (files[file] ?? []).map { "\(file): \($0)" } }.joined(separator: "\n")
    }
}
