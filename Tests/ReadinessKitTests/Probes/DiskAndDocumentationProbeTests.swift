import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

@Suite struct DiskProbeTests {
    @Test func `disk usage of an existing folder is measured there`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let usage = try DiskProbe.measure(folder)
            #expect(usage.measuredPath.path == folder.path)
            #expect(usage.totalBytes > 0 && usage.availableBytes <= usage.totalBytes)
            #expect((0...1).contains(usage.usedFraction))
            #expect(usage.message.hasPrefix("The filesystem holding \(folder.path) is "))
        }
    }

    @Test func `a missing path is measured at its nearest existing ancestor and says so`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let usage = try DiskProbe.measure(folder.appendingPathComponent("not/yet/models"))
            #expect(usage.measuredPath.path == folder.path)
            #expect(usage.message.hasPrefix("\(folder.path)/not/yet/models does not exist yet; the filesystem holding \(folder.path) is "))
        }
    }

    @Test func `the default models path follows OLLAMA_MODELS, then HOME`() {
        #expect(DiskProbe.defaultModelsPath(environment: ["OLLAMA_MODELS": "/srv/models", "HOME": "/h"]).path == "/srv/models")
        #expect(DiskProbe.defaultModelsPath(environment: ["HOME": "/h"]).path == "/h/.ollama/models")
    }
}

@Suite struct DocumentationProbeTests {
    static let day: TimeInterval = 86_400

    func touch(_ url: URL, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    @Test func `a document older than a Modelfile it describes is stale`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let doc = try DomainFixtures.write("# Inventory\n", to: "docs/INVENTORY.md", in: folder)
            let old = try DomainFixtures.write("FROM a\n", to: "a.Modelfile", in: folder)
            let new = try DomainFixtures.write("FROM b\n", to: "b.Modelfile", in: folder)
            try touch(doc, Date(timeIntervalSince1970: 10 * Self.day))
            try touch(old, Date(timeIntervalSince1970: 5 * Self.day))
            try touch(new, Date(timeIntervalSince1970: 20 * Self.day))
            let check = DocumentationProbe.check(doc, describedModelfiles: [old, new, folder.appendingPathComponent("missing.Modelfile")])
            #expect(check.problems == ["\(doc.path) (modified 1970-01-11T00:00:00Z) is older than \(new.path) (modified 1970-01-21T00:00:00Z); update it to describe the current models."])
            #expect(check.modified == Date(timeIntervalSince1970: 10 * Self.day))
        }
    }

    @Test func `a current document passes, allowing a checkout's few seconds of slack`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let doc = try DomainFixtures.write("# Inventory\n", to: "INVENTORY.md", in: folder)
            let modelfile = try DomainFixtures.write("FROM a\n", to: "a.Modelfile", in: folder)
            try touch(doc, Date(timeIntervalSince1970: 1000))
            try touch(modelfile, Date(timeIntervalSince1970: 1002))
            let check = DocumentationProbe.check(doc, describedModelfiles: [modelfile])
            #expect(check.passed)
            #expect(check.message == "\(doc.path) exists, has content and is current")
        }
    }

    @Test func `a missing or blank document fails`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let blank = try DomainFixtures.write(" \n\t\n", to: "BLANK.md", in: folder)
            #expect(DocumentationProbe.check(blank, describedModelfiles: []).problems == ["\(blank.path) is empty."])
            let missing = folder.appendingPathComponent("MISSING.md")
            #expect(DocumentationProbe.check(missing, describedModelfiles: []).problems == ["\(missing.path) does not exist or cannot be read."])
        }
    }
}
