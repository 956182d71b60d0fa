// `npm run lint` runs this and then type-checks src and test (tsconfig.test.json). Besides the recommended rules it
// holds the layers of ARCHITECTURE.md: commands → cli → core/operations → core/{domain, register, excel, calendar,
// i18n, report, ics}; a layer imports only those to its right, and the domain imports nothing outside itself.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import {importX, createNodeResolver} from 'eslint-plugin-import-x'
import globals from 'globals'

const LOWER_CORE = ['domain', 'register', 'excel', 'calendar', 'i18n', 'report', 'ics'].map((dir) => `./src/core/${dir}`)

/** Who may not import whom, checked on resolved paths (so `../../x.js` at any depth counts). */
const LAYER_ZONES = [
  {
    target: './src/core/domain',
    from: './src',
    except: ['./core/domain'],
    message: 'the domain is pure rules: it imports nothing outside src/core/domain (put shared helpers inside it)',
  },
  {
    target: LOWER_CORE,
    from: './src/core/operations',
    message: 'operations build on domain, register, excel, calendar, i18n and report, never the other way round',
  },
  {
    target: './src/core',
    from: ['./src/cli', './src/commands', './src/hooks'],
    message: 'the core returns data; the terminal (cli, commands, hooks) sits above it',
  },
  {
    target: './src/cli',
    from: ['./src/commands', './src/hooks'],
    message: 'commands are thin shells over src/cli; src/cli does not reach back into them',
  },
]

/** The terminal's libraries belong to src/cli and src/commands, so the core can be driven without a terminal. */
const TERMINAL_PACKAGES = {
  paths: ['chalk', 'cli-table3', 'cli-progress'].map((name) => ({name, message: 'the terminal belongs to src/cli'})),
  patterns: [{group: ['@oclif/*', '@inquirer/*'], message: 'oclif and prompts belong to src/cli and src/commands'}],
}

export default tseslint.config(
  {ignores: ['dist/', 'out/', '.bench/', 'coverage/']},
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // a leading underscore names what is dropped on purpose, as in `{version: _v, ...line}`
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
      // cells and terminal output are cleaned of control characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: {'import-x': importX},
    settings: {
      // imports are written `./x.js` (NodeNext) and resolve to `./x.ts`
      'import-x/resolver-next': [
        createNodeResolver({extensions: ['.ts', '.js', '.json'], extensionAlias: {'.js': ['.ts', '.js']}}),
      ],
    },
    rules: {
      // a boundary rule is blind to an import it cannot resolve, so an unresolved one is an error in itself
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': ['error', {zones: LAYER_ZONES}],
      // commands talk through oclif's this.log and src/cli's output helpers
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {'no-restricted-imports': ['error', TERMINAL_PACKAGES]},
  },
  {
    files: ['src/core/domain/**/*.ts'],
    // synchronous rules over values: files, processes and the clock are read by the layers that call them
    rules: {'import-x/no-nodejs-modules': 'error'},
  },
  {
    files: ['src/core/domain/normalise.ts'],
    // createRequire only loads opencc's dictionaries on first use: a static import would parse ~700 KB on every
    // start, and `project list` never converts Traditional Chinese. No file, process or clock is read.
    rules: {'import-x/no-nodejs-modules': ['error', {allow: ['node:module']}]},
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai asserts by property access: expect(x).to.be.empty
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', '*.js'],
    languageOptions: {globals: globals.node},
  },
)
