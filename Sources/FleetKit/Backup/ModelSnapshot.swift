import OllamaKit

/// `<model>.show.json` of a backup: what `/api/show` said about one model besides its Modelfile, so a rollback
/// can be checked against it. A backup stores no weights: the base model must still be installed to restore.
package struct ModelSnapshot: Codable, Sendable, Equatable {
    package var name: String
    /// The manifest digest `/api/tags` listed.
    package var digest: String?
    /// The model it was created FROM (`details.parent_model`), which a rollback builds on.
    package var base: String?
    package var system: String?
    package var template: String?
    /// `/api/show`'s `parameters` text, one "name value" per line.
    package var parameters: String?
    package var messages: [Message]?
    package var license: String?
    package var details: ModelDetails

    package init(name: String, digest: String?, show: ShowResponse) {
        self.name = name
        self.digest = digest
        base = show.details.parentModel.isEmpty ? nil : show.details.parentModel
        system = show.system
        template = show.template
        parameters = show.parameters
        messages = show.messages
        license = show.license
        details = show.details
    }
}
