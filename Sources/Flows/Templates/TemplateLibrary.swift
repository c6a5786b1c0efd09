import AutopilotCore
import Foundation

/// The templates of the built-in flows, shipped as YAML files in the package's `TemplateLibrary` resource folder
/// (file name = template name), each in French and English.
public enum TemplateLibrary {
    private static let loaded: Result<[MessageTemplate], LibraryError> = {
        guard let directory = Bundle.module.url(forResource: "TemplateLibrary", withExtension: nil) else {
            return .failure(
                LibraryError(
                    code: "invalid_template_library",
                    files: ["TemplateLibrary": [ValidationIssue(path: "", message: "the resource folder is missing from the bundle")]])
            )
        }
        return load(from: directory)
    }()

    /// Every built-in template, sorted by name, parsed once from `Bundle.module`.
    public static var builtIn: [MessageTemplate] {
        get throws(LibraryError) { try loaded.get() }
    }

    /// The built-in template with this name.
    public static func template(named name: String) throws(LibraryError) -> MessageTemplate? {
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
    public static func load(from directory: URL) -> Result<[MessageTemplate], LibraryError> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let issue = ValidationIssue(path: "", message: "cannot list: \(error)")
            return .failure(LibraryError(code: "invalid_template_library", files: [directory.lastPathComponent: [issue]]))
        }
        var templates: [MessageTemplate] = []
        var problems: [String: [ValidationIssue]] = [:]
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) else { continue }
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                problems[name] = [ValidationIssue(path: "", message: "cannot be read as UTF-8 text")]
                continue
            }
            do {
                let template = try MessageTemplate.parse(text)
                let expected = url.deletingPathExtension().lastPathComponent
                if template.name != expected {
                    problems[name] = [ValidationIssue(path: "name", message: "\"\(template.name)\" differs from the file name \"\(expected)\"")]
                } else {
                    templates.append(template)
                }
            } catch {
                problems[name] = error.issues
            }
        }
        guard problems.isEmpty else { return .failure(LibraryError(code: "invalid_template_library", files: problems)) }
        return .success(templates.sorted { $0.name < $1.name })
    }
}
