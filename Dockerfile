# The graphsvc API image (production shape: talks to Neo4j; see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphsvc ./graphsvc
COPY loaders ./loaders
COPY cypher ./cypher
RUN pip install --no-cache-dir . && useradd --system graphsvc
USER graphsvc
ENV GRAPHSVC_DATA_DIR=/tmp/graphsvc
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["graphsvc", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
