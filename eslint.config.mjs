import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports point down (DESIGN.md, Layout): doors (app/, server.ts,
// lib/machine-api) call the domain; the domain calls the floor.
const domainMayNotImportDoors = {
  files: ["lib/**/*.ts"],
  ignores: ["lib/machine-api/**", "lib/queries/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@/app/*", "@/components/*"], message: "lib/ is the domain and floor: it must not import the browser door (app/, components/)." },
          { group: ["@/lib/machine-api/*"], message: "The domain must not import the machine door; the door calls the domain." },
        ],
      },
    ],
  },
};

const clientCodeMayNotImportServer = {
  files: ["components/**/*.tsx", "lib/queries/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@/lib/db", "@/lib/auth/*", "@/lib/api-keys/*", "@/lib/analytics/*", "@/lib/machine-api/*"], message: "Client code talks to the server through lib/queries and JSON APIs, never through the domain or the database." },
        ],
      },
    ],
  },
};

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "playwright-report/**", "test-results/**", ".data/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  domainMayNotImportDoors,
  clientCodeMayNotImportServer,
  {
    rules: {
      "@next/next/no-img-element": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];

export default config;
