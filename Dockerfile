# syntax=docker/dockerfile:1
# Build: compile TypeScript once; run: plain Node on the compiled JS, production deps only, non-root.

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
ENV NODE_ENV=production REDIS_AUTOSTART=false DATA_DIR=/tmp/mercato-radar
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data ./data
USER node
# ROLES picks what this container runs: bot, worker, scheduler (comma-separated).
CMD ["node", "dist/src/main.js"]
