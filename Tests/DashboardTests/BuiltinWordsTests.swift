import Content
import Flows
import Testing

@testable import Dashboard

@Suite("Dashboard — the built-in flows' and templates' words in French")
struct BuiltinWordsTests {
    @Test func everyBuiltInFlowHasFrenchWordsThatMatchItsLibraryFile() throws {
        let flows = try FlowLibrary.builtIn
        #expect(Set(flows.map(\.id)) == Set(BuiltinWords.flows.keys))
        for flow in flows {
            let words = try #require(BuiltinWords.flows[flow.id])
            #expect(words.name.en == flow.name, "\(flow.id)")
            #expect(words.description.en == flow.description, "\(flow.id)")
            #expect(BuiltinWords.flowName(id: flow.id, name: flow.name, language: .french) == words.name.fr)
            #expect(BuiltinWords.flowName(id: flow.id, name: flow.name, language: .english) == flow.name)
        }
    }

    @Test func everyBuiltInTemplateHasAFrenchDescriptionThatMatchesItsLibraryFile() throws {
        let templates = try TemplateLibrary.builtIn
        #expect(Set(templates.map(\.name)) == Set(BuiltinWords.templates.keys))
        for template in templates {
            #expect(BuiltinWords.templates[template.name]?.en == template.description, "\(template.name)")
        }
    }

    @Test func aShopsOwnNameIsNeverTranslated() {
        #expect(BuiltinWords.flowName(id: "abandoned-cart", name: "Mes paniers", language: .french) == "Mes paniers")
        #expect(BuiltinWords.flowName(id: "my-flow", name: "My flow", language: .french) == "My flow")
        #expect(BuiltinWords.templateDescription(id: "welcome-1", description: "À moi", language: .english) == "À moi")
    }
}
