/// The CI pipelines `readiness init --ci` writes: a dry run on ollama-sim that any runner can do, the check on a
/// runner that reaches Ollama, and a migrate job that carries the state folder from one pipeline to the next.
enum CIPipelines {
    /// The scenario the dry run serves (`PackageScaffold.simulatorScenario`).
    static let scenarioPath = "ci/ollama-sim.json"

    /// `.github/workflows/readiness.yml`.
    static let github = """
        # Readiness gate for the migration.
        #
        # dry-run  checks this package against ollama-sim (ci/ollama-sim.json) on a hosted runner: it proves
        #          the package and this workflow work, with no Ollama.
        # check    runs `readiness check` on a self-hosted runner labelled `ollama` that reaches your Ollama:
        #          set the repository variable OLLAMA_HOST (e.g. http://gpu-box:11434), or leave it unset to
        #          check the host in readiness.json. The runner needs Swift 6.3 on PATH. Exit 0 only when READY.
        # migrate  on a manual run (Actions > readiness > Run workflow: action and step) after check passed:
        #          runs `readiness migrate ACTION`, with the migration state (readiness-state/: migration.json,
        #          history, backups) restored from the last run and saved for the next. Without it, every action
        #          but `next --step 1` is refused.
        name: readiness

        on:
          pull_request:
          push:
            branches: [main]
          workflow_dispatch:
            inputs:
              action:
                description: "migrate action: status, next, done, pause, resume or rollback"
                type: choice
                options: [status, next, done, pause, resume, rollback]
                default: status
              step:
                description: "with next or rollback: the step meant (1 begins the migration)"
                type: string
                default: ""

        concurrency:
          group: readiness-${{ github.ref }}

        jobs:
          dry-run:
            runs-on: ubuntu-latest
            container: swift:6.3
            steps:
              - uses: actions/checkout@v6
              - uses: actions/cache@v5
                with:
                  path: .build
                  key: swift-6.3-${{ hashFiles('Package.resolved') }}
              - name: Readiness check on ollama-sim
                run: swift run ollama-sim --scenario ci/ollama-sim.json --port 0 -- swift run readiness check --out readiness-report
              - name: Keep the reports
                if: always()
                uses: actions/upload-artifact@v7
                with:
                  name: readiness-dry-run
                  path: readiness-report

          check:
            runs-on: [self-hosted, ollama]
            env:
              OLLAMA_HOST: ${{ vars.OLLAMA_HOST }}
            steps:
              - uses: actions/checkout@v6
              - uses: actions/cache@v5
                with:
                  path: .build
                  key: swift-6.3-${{ runner.os }}-${{ hashFiles('Package.resolved') }}
              - name: Readiness check
                run: swift run readiness check --wait-for-ollama 2m --out readiness-report
              - name: Keep the reports and the run
                if: always()
                uses: actions/upload-artifact@v7
                with:
                  name: readiness-report
                  path: readiness-report

          migrate:
            if: github.event_name == 'workflow_dispatch'
            needs: check
            runs-on: [self-hosted, ollama]
            env:
              OLLAMA_HOST: ${{ vars.OLLAMA_HOST }}
              READINESS_STATE_DIR: readiness-state
              ACTION: ${{ inputs.action }}
              STEP: ${{ inputs.step }}
            steps:
              - uses: actions/checkout@v6
              - uses: actions/download-artifact@v7
                with:
                  name: readiness-report
                  path: readiness-report
              - name: Restore the migration state of the last run
                uses: actions/cache/restore@v5
                with:
                  path: readiness-state
                  key: readiness-state-${{ github.run_id }}
                  restore-keys: readiness-state-
              - name: Migrate
                run: swift run readiness migrate "$ACTION" ${STEP:+--step "$STEP"}
              - name: Save the migration state for the next run
                if: always()
                uses: actions/cache/save@v5
                with:
                  path: readiness-state
                  key: readiness-state-${{ github.run_id }}
              - name: Keep the migration state
                if: always()
                uses: actions/upload-artifact@v7
                with:
                  name: readiness-state
                  path: readiness-state
                  include-hidden-files: true

        """

    /// `.gitlab-ci.yml`.
    static let gitlab = """
        # Readiness gate for the migration.
        #
        # dry-run  checks this package against ollama-sim (ci/ollama-sim.json) on any runner, with no Ollama.
        # check    runs `readiness check` on a runner tagged `ollama` that reaches your Ollama: set the CI/CD
        #          variable OLLAMA_HOST (e.g. http://gpu-box:11434). Exit 0 only when READY.
        # migrate  on a pipeline run from the web UI with MIGRATE_ACTION (status, next, done, pause, resume,
        #          rollback) and, for next or rollback, MIGRATE_STEP: runs `readiness migrate`, with the state
        #          folder (readiness-state/) cached from one pipeline to the next. Without it, every action but
        #          `next --step 1` is refused.
        stages: [check, migrate]

        default:
          image: swift:6.3
          cache:
            key:
              files: [Package.resolved]
            paths: [.build]

        dry-run:
          stage: check
          script:
            - swift run ollama-sim --scenario ci/ollama-sim.json --port 0 -- swift run readiness check --out readiness-report
          artifacts:
            when: always
            paths: [readiness-report]

        check:
          stage: check
          tags: [ollama]
          script:
            - swift run readiness check --wait-for-ollama 2m --out readiness-report
          artifacts:
            when: always
            paths: [readiness-report]
            reports:
              junit: readiness-report/junit.xml

        migrate:
          stage: migrate
          tags: [ollama]
          needs: [check]
          rules:
            - if: $CI_PIPELINE_SOURCE == "web" && $MIGRATE_ACTION
          variables:
            READINESS_STATE_DIR: readiness-state
          cache:
            - key:
                files: [Package.resolved]
              paths: [.build]
            - key: readiness-state
              paths: [readiness-state]
          script:
            - swift run readiness migrate "$MIGRATE_ACTION" ${MIGRATE_STEP:+--step "$MIGRATE_STEP"}
          artifacts:
            when: always
            paths: [readiness-state]

        """
}
