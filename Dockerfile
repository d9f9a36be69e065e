# syntax=docker/dockerfile:1
# Three stages. build: every dependency, compiles the TypeScript. deps: production dependencies only.
# The runtime image takes the compiled JavaScript and those production dependencies and nothing else:
# no TypeScript, tsx, vitest or biome (all devDependencies), no sources, no .env (see .dockerignore).
# compose.yaml builds it; by hand: docker build -t mercato-radar .

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY jobs ./jobs
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# Redis is another container (REDIS_URL): never start a private one in here.
ENV NODE_ENV=production REDIS_AUTOSTART=false DATA_DIR=/tmp/mercato-radar
WORKDIR /app
# Owned by root and read-only to the app: the process cannot rewrite its own code or data.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# package.json: "type": "module" for dist/, and the project root that src/paths.ts looks for.
COPY package.json ./
COPY data ./data
USER node
# 8080: the Telegram webhook server (TELEGRAM_WEBHOOK_PORT, webhook mode only).
# 9090: /healthz, /readyz and /metrics (HEALTH_PORT), in every process.
EXPOSE 8080 9090
# No curl in the slim image: Node 20's fetch, with a timeout, against the liveness endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9090)+'/healthz',{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# ROLES picks what this container runs: bot, worker, scheduler (comma-separated).
CMD ["node", "dist/src/main.js"]
