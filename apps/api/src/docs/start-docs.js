// Starts Swagger UI on /docs with the API's own OpenAPI document. A file, not an inline
// script, so that the page's Content-Security-Policy can allow scripts from 'self' only.
window.addEventListener('DOMContentLoaded', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The validator badge would send the document to another host.
    validatorUrl: null,
  })
})
