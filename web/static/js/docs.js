// Starts Swagger UI on /docs from the vendored bundle (no inline script, no CDN).
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const config = JSON.parse(document.getElementById("docs-config").textContent);
  window.SwaggerUIBundle({ url: config.openapiUrl, dom_id: "#swagger-ui", deepLinking: true });
});
