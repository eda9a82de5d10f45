# syntax=docker/dockerfile:1
# Percolate as a container: the same npm scripts CI runs (npm ci, npm run build, npm start).
#   docker build -t percolate .
#   docker run --env-file .env -v percolate-data:/app/data percolate

# ---- build: install exactly the lockfile, generate the Prisma clients, compile to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# What `npm ci` needs: the lockfile, and for the postinstall (prisma generate) the schemas and scripts.
COPY package.json package-lock.json prisma.config.ts tsconfig*.json ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run: no compilers, no dev dependencies, not root, an init process ----
FROM node:20-bookworm-slim AS run
# tini reaps zombies and passes SIGTERM/SIGINT on, so the bot drains its work before exiting.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_URL=file:/app/data/percolate.db \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# 3000: Slack's HTTP receiver (and health routes when Slack runs over HTTP); 8080: health and metrics otherwise.
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["npm", "start"]
