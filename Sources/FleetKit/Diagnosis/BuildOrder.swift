import OllamaKit

/// The order in which missing fleet models are built.
enum BuildOrder {
    /// The missing models' names, each after the fleet model it is built FROM when that one is missing too,
    /// then by build priority (unset last), then by name.
    /// - Throws: `FleetError.dependencyCycle` naming the cycle, e.g. "a → b → a", when bases loop, even among
    ///   present models: their Modelfiles could then never be rebuilt.
    static func order(_ models: [ModelDiagnosis]) throws -> [String] {
        let parents = self.parents(models)
        for model in models {
            var path = [model.name]
            while let parent = parents[path[path.count - 1]] {
                if let start = path.firstIndex(of: parent) {
                    throw FleetError.dependencyCycle(Array(path[start...]) + [parent])
                }
                path.append(parent)
            }
        }
        var remaining = models.filter { !$0.isPresent }
        var order: [String] = []
        while !remaining.isEmpty {
            let waiting = Set(remaining.map(\.name))
            // Without cycles some remaining model always has no remaining parent.
            let ready = remaining.filter { parents[$0.name].map { !waiting.contains($0) } ?? true }
            guard let next = ready.min(by: { ($0.buildPriority ?? .max, $0.name) < ($1.buildPriority ?? .max, $1.name) })
            else { break }
            order.append(next.name)
            remaining.removeAll { $0.name == next.name }
        }
        return order
    }

    /// Each model's name → the name of the fleet model its Modelfile is built FROM, when it is one.
    private static func parents(_ models: [ModelDiagnosis]) -> [String: String] {
        var parents: [String: String] = [:]
        for model in models {
            guard let base = model.base, !base.isFile,
                  let parent = models.first(where: { ModelName.matches($0.name, base.reference) })
            else { continue }
            parents[model.name] = parent.name
        }
        return parents
    }
}
